package io.holdfast.capture.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyChangeRulesUnitTests {

    static final PolicyChangeRequest TO_VOID = new PolicyChangeRequest("cmd-1", "p1", DeadlinePolicy.VOID, "buyer asked",
            "olivia", "f");

    static Authorization row(CaptureMode mode, CaptureStatus status) {
        return new Authorization("p1", "pay-1", "acme", Authorizations.AMOUNT, mode, Authorizations.AUTHORIZED_AT,
                Authorizations.DEADLINE, DeadlinePolicy.CAPTURE, status, null, null, null, null, null, null, null,
                false, null, 3);
    }

    @Test
    void anOpenManualRowTakesTheNewPolicyAndSaysWhoChangedIt() {
        for (CaptureStatus open : List.of(CaptureStatus.AUTHORIZED, CaptureStatus.CAPTURE_SCHEDULED)) {
            Transition t = PolicyChangeRules.decide(row(CaptureMode.MANUAL, open), TO_VOID);

            assertThat(t.next().policy()).isEqualTo(DeadlinePolicy.VOID);
            assertThat(t.next().status()).isEqualTo(open);
            assertThat(t.next().version()).isEqualTo(3);
            assertThat(t.events()).containsExactly(new CaptureEvent.DeadlinePolicyChanged("p1", "pay-1",
                    DeadlinePolicy.CAPTURE, DeadlinePolicy.VOID, Authorizations.DEADLINE, "olivia", "buyer asked"));
        }
    }

    @Test
    void aScheduleThatActedOrClosedRefusesWithInvalidState() {
        for (CaptureStatus closed : EnumSet.complementOf(EnumSet.of(CaptureStatus.AUTHORIZED,
                CaptureStatus.CAPTURE_SCHEDULED))) {
            Authorization row = row(CaptureMode.MANUAL, closed);
            Transition t = PolicyChangeRules.decide(row, TO_VOID);

            assertThat(t.next()).as(closed.name()).isEqualTo(row);
            assertThat(t.events()).singleElement().isInstanceOfSatisfying(CaptureEvent.CommandRejected.class,
                    r -> assertThat(r.reason()).isEqualTo(RejectionReason.INVALID_STATE));
        }
        assertThat(PolicyChangeRules.decide(row(CaptureMode.AUTOMATIC, CaptureStatus.AUTHORIZED), TO_VOID).events())
                .singleElement().isInstanceOf(CaptureEvent.CommandRejected.class);
    }
}
