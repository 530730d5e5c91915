package io.holdfast.authorization.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.holdfast.alipay.sandbox.core.LedgerOperation;
import io.holdfast.authorization.domain.PaymentStatus;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.common.CaptureMode;
import io.holdfast.schemas.event.AuthorizationCancelled;
import io.holdfast.schemas.event.CommandRejected;
import io.holdfast.schemas.event.PaymentAuthorized;
import io.holdfast.schemas.event.PaymentEvent;
import io.holdfast.schemas.event.RejectionReason;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A merchant with write access to payments.commands cannot act on another merchant's payment: the command's
 * merchantId must be the stored payment's, whatever the paymentRequestId says.
 */
@AuthorizationServiceIntegrationTest
class OwnershipIntegrationTests extends ScenarioTest {

    @Test
    void aCancelFromAnotherMerchantIsRejectedAndTheOwnersCancelStillWorks() throws Exception {
        String id = Commands.newPaymentRequestId("owned");
        scenario.send(as("acme", Commands.authorize(id, infra.cardToken, 7100, CaptureMode.MANUAL, "")));
        scenario.awaitStatus(id, PaymentStatus.AUTHORIZED);

        PaymentCommand foreign = as("globex", Commands.cancel(id, "not mine to cancel"));
        scenario.send(foreign);

        PaymentEvent event = scenario.awaitEvents(id, PaymentAuthorized.class, CommandRejected.class).get(1);
        CommandRejected rejected = (CommandRejected) event.getPayload();
        assertThat(rejected.getReason()).isEqualTo(RejectionReason.NOT_PAYMENT_OWNER);
        assertThat(rejected.getCommandId()).isEqualTo(foreign.getCommandId());
        assertThat(event.getMerchantId()).as("addressed to the sender").isEqualTo("globex");
        awaitDeadLetter(id);
        assertThat(queries.find(id).block().payment().status()).isEqualTo(PaymentStatus.AUTHORIZED);
        assertThat(Scenario.ledger(id, LedgerOperation.CANCEL)).isEmpty();

        scenario.send(as("acme", Commands.cancel(id, "the owner cancels")));
        scenario.awaitStatus(id, PaymentStatus.VOIDED);
        scenario.awaitEvents(id, PaymentAuthorized.class, CommandRejected.class, AuthorizationCancelled.class);
    }

    @Test
    void aCancelWithoutMerchantIdIsRejectedForAPaymentThatHasOne() throws Exception {
        String id = Commands.newPaymentRequestId("anonymous-cancel");
        scenario.send(as("acme", Commands.authorize(id, infra.cardToken, 7200, CaptureMode.MANUAL, "")));
        scenario.awaitStatus(id, PaymentStatus.AUTHORIZED);

        scenario.send(Commands.cancel(id, "no merchantId"));

        CommandRejected rejected = (CommandRejected) scenario
                .awaitEvents(id, PaymentAuthorized.class, CommandRejected.class).get(1).getPayload();
        assertThat(rejected.getReason()).isEqualTo(RejectionReason.NOT_PAYMENT_OWNER);
        assertThat(queries.find(id).block().payment().status()).isEqualTo(PaymentStatus.AUTHORIZED);
    }

    @Test
    void anAuthorizeReusingAnotherMerchantsPaymentRequestIdIsRejectedAsNotOwner() throws Exception {
        String id = Commands.newPaymentRequestId("taken");
        scenario.send(as("acme", Commands.authorize(id, infra.cardToken, 7300, CaptureMode.MANUAL, "")));
        scenario.awaitStatus(id, PaymentStatus.AUTHORIZED);

        scenario.send(as("globex", Commands.authorize(id, infra.cardToken, 7300, CaptureMode.MANUAL, "")));

        PaymentEvent event = scenario.awaitEvents(id, PaymentAuthorized.class, CommandRejected.class).get(1);
        assertThat(((CommandRejected) event.getPayload()).getReason()).isEqualTo(RejectionReason.NOT_PAYMENT_OWNER);
        assertThat(event.getMerchantId()).isEqualTo("globex");
        assertThat(Scenario.authorizationsCreated(id)).isEqualTo(1);
        assertThat(queries.find(id).block().payment().merchantId()).isEqualTo("acme");
    }

    private static PaymentCommand as(String merchantId, PaymentCommand command) {
        return PaymentCommand.newBuilder(command).setMerchantId(merchantId).build();
    }

    private ConsumerRecord<String, byte[]> awaitDeadLetter(String key) {
        return await().atMost(Scenario.WAIT).until(() -> published.commandDeadLetters.stream()
                .filter(r -> key.equals(r.key())).findFirst().orElse(null), record -> record != null);
    }
}
