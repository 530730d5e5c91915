package io.holdfast.capture.it;

import static io.holdfast.capture.it.Scenario.ANTOM;
import static io.holdfast.capture.it.Scenario.CLOCK;
import static io.holdfast.capture.it.Scenario.WAIT;
import static io.holdfast.capture.it.Scenario.advance;
import static io.holdfast.capture.it.Scenario.money;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.holdfast.capture.application.ScheduleStore;
import io.holdfast.capture.domain.CaptureStatus;
import io.holdfast.capture.domain.DeadlinePolicy;
import io.holdfast.schemas.command.CapturePayment;
import io.holdfast.schemas.command.ChangeDeadlinePolicy;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.common.CaptureMode;
import io.holdfast.schemas.event.AuthorizationCancelled;
import io.holdfast.schemas.event.AuthorizationExpired;
import io.holdfast.schemas.event.CaptureScheduled;
import io.holdfast.schemas.event.CaptureSucceeded;
import io.holdfast.schemas.event.CancelInitiator;
import io.holdfast.schemas.event.CommandRejected;
import io.holdfast.schemas.event.DeadlinePolicyChanged;
import io.holdfast.schemas.event.PaymentAuthorized;
import io.holdfast.schemas.event.PaymentEvent;
import io.holdfast.schemas.event.RejectionReason;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * ChangeDeadlinePolicy (an operator's command from payment-view's console, or a merchant's): applied to an open
 * schedule row with DeadlinePolicyChanged (changedBy = operatorId) through the outbox; refused with INVALID_STATE once
 * the schedule is closed, NOT_PAYMENT_OWNER for another merchant's command; before its PaymentAuthorized it is parked
 * (with any parked CapturePayment, in arrival order) and UNKNOWN_PAYMENT only after the parking timeout.
 */
@CaptureServiceIntegrationTest
class DeadlinePolicyIntegrationTests {

    @Autowired
    Scenario scenario;
    @Autowired
    Recorder recorder;
    @Autowired
    ScheduleStore store;

    @Test
    void anOperatorsPolicyChangeAppliesToAnOpenScheduleRowWithItsEvent() {
        String id = authorize("open", "acme");

        PaymentCommand command = change(id, "acme", io.holdfast.schemas.common.DeadlinePolicy.VOID, "olivia");

        List<PaymentEvent> changed = await().atMost(WAIT).until(
                () -> recorder.envelopes(id, DeadlinePolicyChanged.class), list -> !list.isEmpty());
        PaymentEvent envelope = changed.get(0);
        DeadlinePolicyChanged event = (DeadlinePolicyChanged) envelope.getPayload();
        assertThat(event.getPreviousPolicy()).isEqualTo(io.holdfast.schemas.common.DeadlinePolicy.EXPIRE);
        assertThat(event.getPolicy()).isEqualTo(io.holdfast.schemas.common.DeadlinePolicy.VOID);
        assertThat(event.getChangedBy()).isEqualTo("olivia");
        assertThat(event.getReason()).isEqualTo("buyer asked");
        assertThat(event.getDeadline()).isEqualTo(store.find(id).block().deadline());
        assertThat(envelope.getCausationId()).isEqualTo(command.getCommandId());
        assertThat(envelope.getMerchantId()).isEqualTo("acme");
        assertThat(store.find(id).block().policy()).isEqualTo(DeadlinePolicy.VOID);
        assertThat(recorder.envelopes(id, CommandRejected.class)).isEmpty();
    }

    /**
     * A policy changed from EXPIRE to CAPTURE acts where a CAPTURE policy acts, at deadline − safety margin (12 h), not
     * where the EXPIRE policy would have looked again: at the deadline itself no capture can be sent any more, and the
     * authorization lapsed as a deadline miss.
     */
    @Test
    void aPolicyChangedFromExpireToCaptureCapturesAtItsPolicyPointNotAtTheDeadline() {
        TestAntom.Authorized auth = scenario.authorize("acme", "to-capture", 5100,
                io.holdfast.schemas.common.DeadlinePolicy.EXPIRE);
        String id = auth.paymentRequestId();
        change(id, "acme", io.holdfast.schemas.common.DeadlinePolicy.CAPTURE, "olivia");
        scenario.awaitOne(id, DeadlinePolicyChanged.class, 1);

        advance(Duration.ofDays(7).minusHours(12).plusMinutes(1)); // deadline - safety margin

        scenario.awaitOne(id, CaptureSucceeded.class, 1);
        assertThat(ANTOM.appliedCaptures(auth.paymentId())).hasSize(1);
        assertThat(recorder.events(id, AuthorizationExpired.class)).isEmpty();
        assertThat(store.find(id).block().status()).isEqualTo(CaptureStatus.CAPTURED);
    }

    @Test
    void aPolicyChangeOnAClosedScheduleIsRejectedAsInvalidState() {
        String id = authorize("closed", "acme");
        scenario.publish(id, store.find(id).block().paymentId(), "acme", null,
                new AuthorizationCancelled(CLOCK.instant(), CancelInitiator.MERCHANT, null));
        await().atMost(WAIT).until(() -> store.find(id).block().status() == CaptureStatus.VOIDED);

        change(id, "acme", io.holdfast.schemas.common.DeadlinePolicy.CAPTURE, "olivia");

        assertThat(scenario.awaitRejected(id).getReason()).isEqualTo(RejectionReason.INVALID_STATE);
        assertThat(store.find(id).block().policy()).isEqualTo(DeadlinePolicy.EXPIRE);
        assertThat(recorder.envelopes(id, DeadlinePolicyChanged.class)).isEmpty();
        await().atMost(WAIT).until(() -> !recorder.deadLetterCommands(id).isEmpty());
    }

    /**
     * The merchant's race: the policy right after the AuthorizePayment reaches capture-service before the
     * PaymentAuthorized (another topic, another consumer). It is parked like an early CapturePayment and applied when
     * the authorization arrives (before, it was rejected at once with UNKNOWN_PAYMENT).
     */
    @Test
    void aPolicyChangeBeforeItsPaymentAuthorizedIsParkedThenAppliedWhenTheAuthorizationArrives() {
        TestAntom.Authorized auth = paid("early");
        String id = auth.paymentRequestId();

        PaymentCommand command = change(id, "acme", io.holdfast.schemas.common.DeadlinePolicy.VOID, "olivia");
        await().atMost(WAIT).until(() -> scenario.parkedCommands(id) == 1
                || !recorder.envelopes(id, CommandRejected.class).isEmpty());
        assertThat(recorder.events(id, CommandRejected.class)).as("no rejection while the authorization is on its way")
                .isEmpty();

        scenario.authorized(auth, "acme", CaptureMode.MANUAL, io.holdfast.schemas.common.DeadlinePolicy.EXPIRE);

        List<PaymentEvent> changed = await().atMost(WAIT).until(
                () -> recorder.envelopes(id, DeadlinePolicyChanged.class), list -> !list.isEmpty());
        DeadlinePolicyChanged event = (DeadlinePolicyChanged) changed.get(0).getPayload();
        assertThat(event.getPreviousPolicy()).isEqualTo(io.holdfast.schemas.common.DeadlinePolicy.EXPIRE);
        assertThat(event.getPolicy()).isEqualTo(io.holdfast.schemas.common.DeadlinePolicy.VOID);
        assertThat(event.getChangedBy()).isEqualTo("olivia");
        assertThat(changed.get(0).getCausationId()).isEqualTo(command.getCommandId());
        assertThat(store.find(id).block().policy()).isEqualTo(DeadlinePolicy.VOID);
        assertThat(scenario.parkedCommands(id)).isZero();
        assertThat(recorder.events(id, CommandRejected.class)).isEmpty();
        assertThat(recorder.deadLetterCommands(id)).isEmpty();
    }

    /** Parked policy changes and captures of one payment are applied in the order they arrived, whatever their kind. */
    @Test
    void parkedPolicyChangesAndCapturesApplyInArrivalOrder() {
        TestAntom.Authorized paidPolicyFirst = paid("order-p");
        TestAntom.Authorized paidCaptureFirst = paid("order-c");
        String policyFirst = paidPolicyFirst.paymentRequestId();
        String captureFirst = paidCaptureFirst.paymentRequestId();
        change(policyFirst, "acme", io.holdfast.schemas.common.DeadlinePolicy.CAPTURE, "olivia");
        captureAt(paidPolicyFirst, "acme");
        captureAt(paidCaptureFirst, "acme");
        change(captureFirst, "acme", io.holdfast.schemas.common.DeadlinePolicy.CAPTURE, "olivia");
        await().atMost(WAIT).until(() -> scenario.parkedCommands(policyFirst) == 2
                && scenario.parkedCommands(captureFirst) == 2);

        scenario.authorized(paidPolicyFirst, "acme", CaptureMode.MANUAL,
                io.holdfast.schemas.common.DeadlinePolicy.EXPIRE);
        scenario.authorized(paidCaptureFirst, "acme", CaptureMode.MANUAL,
                io.holdfast.schemas.common.DeadlinePolicy.EXPIRE);

        await().atMost(WAIT).until(() -> timeline(policyFirst).size() == 3 && timeline(captureFirst).size() == 3);
        assertThat(timeline(policyFirst)).containsExactly(PaymentAuthorized.class, DeadlinePolicyChanged.class,
                CaptureScheduled.class);
        assertThat(timeline(captureFirst)).containsExactly(PaymentAuthorized.class, CaptureScheduled.class,
                DeadlinePolicyChanged.class);
        assertThat(store.find(policyFirst).block().status()).isEqualTo(CaptureStatus.CAPTURE_SCHEDULED);
        assertThat(store.find(captureFirst).block().policy()).isEqualTo(DeadlinePolicy.CAPTURE);
    }

    /** A parked policy change whose payment never arrives ends as a parked capture does: UNKNOWN_PAYMENT. */
    @Test
    void aParkedPolicyChangeWhosePaymentNeverArrivesIsRejectedAfterTheParkingTimeout() {
        String id = "unknown-" + UUID.randomUUID();

        change(id, "acme", io.holdfast.schemas.common.DeadlinePolicy.CAPTURE, "olivia");
        await().atMost(WAIT).until(() -> scenario.parkedCommands(id) == 1
                || !recorder.envelopes(id, CommandRejected.class).isEmpty());
        assertThat(recorder.events(id, CommandRejected.class)).as("parked, not rejected at once").isEmpty();
        advance(Duration.ofMinutes(61)); // past the parking timeout (1 h)

        PaymentEvent rejection = await().atMost(WAIT).until(() -> recorder.envelopes(id, CommandRejected.class),
                list -> !list.isEmpty()).get(0);
        assertThat(((CommandRejected) rejection.getPayload()).getReason()).isEqualTo(RejectionReason.UNKNOWN_PAYMENT);
        assertThat(rejection.getMerchantId()).as("addressed to the sender").isEqualTo("acme");
        assertThat(scenario.parkedCommands(id)).isZero();
    }

    @Test
    void aPolicyChangeFromAnotherMerchantIsRejectedAndChangesNothing() {
        String id = authorize("foreign", "acme");

        change(id, "globex", io.holdfast.schemas.common.DeadlinePolicy.CAPTURE, null);

        assertThat(scenario.awaitRejected(id).getReason()).isEqualTo(RejectionReason.NOT_PAYMENT_OWNER);
        assertThat(store.find(id).block().policy()).isEqualTo(DeadlinePolicy.EXPIRE);
    }

    /** A MANUAL EXPIRE authorization of 51.00 USD on the sandbox for {@code merchantId}; its paymentRequestId. */
    private String authorize(String prefix, String merchantId) {
        return scenario.authorize(merchantId, prefix, 5100, io.holdfast.schemas.common.DeadlinePolicy.EXPIRE)
                .paymentRequestId();
    }

    /** A payment authorized on the sandbox whose PaymentAuthorized capture-service has not seen yet. */
    private TestAntom.Authorized paid(String prefix) {
        return ANTOM.pay(prefix + "-" + UUID.randomUUID(), 5100, CaptureMode.MANUAL.name(), false);
    }

    private PaymentCommand change(String id, String merchantId, io.holdfast.schemas.common.DeadlinePolicy policy,
            String operatorId) {
        return scenario.send(new PaymentCommand("cmd-" + UUID.randomUUID(), id, merchantId, CLOCK.instant(),
                new ChangeDeadlinePolicy(policy, "buyer asked"), operatorId));
    }

    /** A CapturePayment for two days from now (scheduled, not sent: the clock does not get there here). */
    private void captureAt(TestAntom.Authorized auth, String merchantId) {
        scenario.command(auth.paymentRequestId(), merchantId, new CapturePayment(money(auth.valueMinor()),
                CLOCK.instant().plus(Duration.ofDays(2))));
    }

    /** The payload types of the payment's events, in the order they were published. */
    private List<Class<?>> timeline(String id) {
        return recorder.all().stream().filter(r -> r instanceof PaymentEvent e && id.equals(e.getPaymentRequestId()))
                .<Class<?>>map(r -> ((PaymentEvent) r).getPayload().getClass()).toList();
    }
}
