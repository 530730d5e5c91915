package io.holdfast.capture.it;

import static io.holdfast.capture.it.Scenario.ANTOM;
import static io.holdfast.capture.it.Scenario.WAIT;
import static io.holdfast.capture.it.Scenario.advance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.holdfast.capture.application.ScheduleStore;
import io.holdfast.capture.domain.CaptureStatus;
import io.holdfast.schemas.command.CancelPayment;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.common.CaptureMode;
import io.holdfast.schemas.common.DeadlinePolicy;
import io.holdfast.schemas.event.CaptureSucceeded;
import io.holdfast.schemas.event.CommandRejected;
import io.holdfast.schemas.event.PaymentEvent;
import io.holdfast.schemas.event.RejectionReason;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A merchant with write access to payments.commands cannot capture another merchant's authorization: the
 * CapturePayment's merchantId must be the one PaymentAuthorized carried (null only matches null).
 */
@CaptureServiceIntegrationTest
class OwnershipIntegrationTests {

    @Autowired
    Scenario scenario;
    @Autowired
    Recorder recorder;
    @Autowired
    ScheduleStore store;

    @Test
    void aCaptureFromAnotherMerchantIsRejectedAndTheOwnersCaptureSucceeds() {
        TestAntom.Authorized auth = scenario.authorize("acme", "owned", 3100, DeadlinePolicy.EXPIRE);

        PaymentCommand foreign = scenario.capture(auth, "globex");

        PaymentEvent event = scenario.awaitRejection(auth.paymentRequestId());
        assertThat(event.getMerchantId()).as("addressed to the sender").isEqualTo("globex");
        assertThat(event.getPaymentId()).as("nothing of the owner's payment is revealed").isNull();
        CommandRejected rejected = (CommandRejected) event.getPayload();
        assertThat(rejected.getReason()).isEqualTo(RejectionReason.NOT_PAYMENT_OWNER);
        assertThat(rejected.getCommandId()).isEqualTo(foreign.getCommandId());
        await().atMost(WAIT).until(() -> !recorder.deadLetterCommands(auth.paymentRequestId()).isEmpty());
        assertThat(store.find(auth.paymentRequestId()).block().status()).isEqualTo(CaptureStatus.AUTHORIZED);
        assertThat(ANTOM.appliedCaptures(auth.paymentId())).isEmpty();

        scenario.capture(auth, "acme");
        await().atMost(WAIT).until(() -> !recorder.events(auth.paymentRequestId(), CaptureSucceeded.class).isEmpty());
        assertThat(ANTOM.appliedCaptures(auth.paymentId())).hasSize(1);
    }

    @Test
    void aCaptureWithoutMerchantIdIsRejectedForAPaymentThatHasOne() {
        TestAntom.Authorized auth = scenario.authorize("acme", "anonymous", 3200, DeadlinePolicy.EXPIRE);

        scenario.capture(auth, null);

        assertThat(scenario.awaitRejected(auth.paymentRequestId()).getReason())
                .isEqualTo(RejectionReason.NOT_PAYMENT_OWNER);
        assertThat(ANTOM.appliedCaptures(auth.paymentId())).isEmpty();
    }

    @Test
    void aCaptureWithMerchantIdIsRejectedForAPaymentWithoutOne() {
        TestAntom.Authorized auth = scenario.authorize(null, "single", 3300, DeadlinePolicy.EXPIRE);

        scenario.capture(auth, "acme");

        assertThat(scenario.awaitRejected(auth.paymentRequestId()).getReason())
                .isEqualTo(RejectionReason.NOT_PAYMENT_OWNER);
        assertThat(ANTOM.appliedCaptures(auth.paymentId())).isEmpty();
    }

    @Test
    void aParkedCaptureFromAnotherMerchantIsRejectedWhenTheAuthorizationArrives() {
        String id = "parked-" + UUID.randomUUID();
        TestAntom.Authorized auth = ANTOM.pay(id, 3500, CaptureMode.MANUAL.name(), false);
        PaymentCommand foreign = scenario.capture(auth, "globex");
        await().atMost(WAIT).until(() -> scenario.parkedCommands(id) == 1);

        scenario.authorized(auth, "acme", CaptureMode.MANUAL, DeadlinePolicy.EXPIRE);

        PaymentEvent event = scenario.awaitRejection(auth.paymentRequestId());
        assertThat(event.getMerchantId()).as("addressed to the sender").isEqualTo("globex");
        CommandRejected rejected = (CommandRejected) event.getPayload();
        assertThat(rejected.getReason()).isEqualTo(RejectionReason.NOT_PAYMENT_OWNER);
        assertThat(rejected.getCommandId()).isEqualTo(foreign.getCommandId());
        assertThat(store.find(id).block().status()).isEqualTo(CaptureStatus.AUTHORIZED);
        assertThat(ANTOM.appliedCaptures(auth.paymentId())).isEmpty();
    }

    @Test
    void theGuardiansVoidCarriesThePaymentsMerchantSoItsOwnerCheckPasses() {
        TestAntom.Authorized auth = scenario.authorize("acme", "void", 3400, DeadlinePolicy.VOID);

        advance(Duration.ofDays(7).minusHours(12).plusMinutes(1)); // deadline - safety margin

        await().atMost(WAIT).until(() -> !recorder.commands(auth.paymentRequestId(), CancelPayment.class).isEmpty());
        PaymentCommand cancel = recorder.commands(auth.paymentRequestId(), CancelPayment.class).get(0);
        assertThat(cancel.getMerchantId()).isEqualTo("acme");
    }
}
