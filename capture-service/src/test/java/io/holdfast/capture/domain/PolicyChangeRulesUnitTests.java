package io.holdfast.capture.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyChangeRulesUnitTests {

    static final Schedule SCHEDULE = new Schedule(GuardianSettings.defaults());

    static final PolicyChangeRequest TO_VOID = new PolicyChangeRequest("cmd-1", "p1", DeadlinePolicy.VOID, "buyer asked",
            "olivia", "f");

    static Authorization row(CaptureMode mode, CaptureStatus status) {
        return new Authorization("p1", "pay-1", "acme", Authorizations.AMOUNT, mode, Authorizations.AUTHORIZED_AT,
                Authorizations.DEADLINE, DeadlinePolicy.CAPTURE, status, null, null, null, null, null, null,
                SCHEDULE.policyActionAt(Authorizations.DEADLINE, DeadlinePolicy.CAPTURE), false, null, 3);
    }

    @Test
    void anOpenManualRowTakesTheNewPolicyAndSaysWhoChangedIt() {
        for (CaptureStatus open : List.of(CaptureStatus.AUTHORIZED, CaptureStatus.CAPTURE_SCHEDULED)) {
            Transition t = PolicyChangeRules.decide(row(CaptureMode.MANUAL, open), TO_VOID, SCHEDULE);

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
            Transition t = PolicyChangeRules.decide(row, TO_VOID, SCHEDULE);

            assertThat(t.next()).as(closed.name()).isEqualTo(row);
            assertThat(t.events()).singleElement().isInstanceOfSatisfying(CaptureEvent.CommandRejected.class,
                    r -> assertThat(r.reason()).isEqualTo(RejectionReason.INVALID_STATE));
        }
        assertThat(PolicyChangeRules.decide(row(CaptureMode.AUTOMATIC, CaptureStatus.AUTHORIZED), TO_VOID, SCHEDULE)
                .events())
                .singleElement().isInstanceOf(CaptureEvent.CommandRejected.class);
    }

    /**
     * The row waits for the new policy's point: CAPTURE and VOID act at deadline − safety margin, EXPIRE looks again at
     * the deadline; a scheduled capture keeps its time.
     */
    @Test
    void anAuthorizedRowWaitsForTheNewPolicysPoint() {
        PolicyChangeRequest toCapture = new PolicyChangeRequest("cmd-2", "p1", DeadlinePolicy.CAPTURE, null, null, "f");
        PolicyChangeRequest toExpire = new PolicyChangeRequest("cmd-3", "p1", DeadlinePolicy.EXPIRE, null, null, "f");
        Authorization expiring = PolicyChangeRules.decide(row(CaptureMode.MANUAL, CaptureStatus.AUTHORIZED), toExpire,
                SCHEDULE).next();

        assertThat(expiring.nextActionAt()).isEqualTo(Authorizations.DEADLINE);
        assertThat(PolicyChangeRules.decide(expiring, toCapture, SCHEDULE).next().nextActionAt())
                .isEqualTo(Authorizations.DEADLINE.minus(GuardianSettings.defaults().safetyMargin()));
        assertThat(PolicyChangeRules.decide(expiring, TO_VOID, SCHEDULE).next().nextActionAt())
                .isEqualTo(Authorizations.DEADLINE.minus(GuardianSettings.defaults().safetyMargin()));
        Authorization scheduled = row(CaptureMode.MANUAL, CaptureStatus.AUTHORIZED)
                .scheduledAt(Authorizations.AUTHORIZED_AT.plus(java.time.Duration.ofDays(2)));
        assertThat(PolicyChangeRules.decide(scheduled, toExpire, SCHEDULE).next().nextActionAt())
                .isEqualTo(scheduled.nextActionAt());
    }
}
