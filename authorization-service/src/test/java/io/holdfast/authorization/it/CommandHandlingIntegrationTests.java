package io.holdfast.authorization.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.holdfast.authorization.application.PaymentQueries;
import io.holdfast.authorization.domain.PaymentStatus;
import io.holdfast.messaging.testing.MutableClock;
import io.holdfast.schemas.Topics;
import io.holdfast.schemas.command.AuthorizePayment;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.common.CaptureMode;
import io.holdfast.schemas.common.Money;
import io.holdfast.schemas.event.AuthorizationCancelled;
import io.holdfast.schemas.event.CancelInitiator;
import io.holdfast.schemas.event.CommandRejected;
import io.holdfast.schemas.event.PaymentEvent;
import io.holdfast.schemas.event.PaymentActionRequired;
import io.holdfast.schemas.event.PaymentAuthorized;
import io.holdfast.schemas.event.RejectionReason;
import io.holdfast.schemas.notification.AlipayNotification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Redelivery, conflicting and invalid commands, and poison records: nothing is done twice, nothing is dropped. */
@AuthorizationServiceIntegrationTest
class CommandHandlingIntegrationTests extends ScenarioTest {

    @Autowired
    MutableClock clock;

    @Test
    void aRedeliveredCommandChangesNothingAndEmitsNothing() throws Exception {
        String id = Commands.newPaymentRequestId("redelivered");
        PaymentCommand command = Commands.authorize(id, infra.cardToken, 6100, CaptureMode.MANUAL, "");
        scenario.send(command);
        scenario.awaitStatus(id, PaymentStatus.AUTHORIZED);
        scenario.awaitEvents(id, PaymentAuthorized.class);

        scenario.send(command);
        scenario.awaitConsumed(Topics.PAYMENTS_COMMANDS);

        assertThat(scenario.eventsFor(id)).hasSize(1);
        assertThat(queries.find(id).block().timeline()).hasSize(2);
        assertThat(Scenario.authorizationsCreated(id)).isEqualTo(1);
    }

    @Test
    void aSecondAuthorizeWithOtherContentIsRejectedAndDeadLettered() throws Exception {
        String id = Commands.newPaymentRequestId("conflict");
        scenario.send(Commands.authorize(id, infra.cardToken, 6200, CaptureMode.MANUAL, ""));
        scenario.awaitStatus(id, PaymentStatus.AUTHORIZED);

        PaymentCommand other = Commands.authorize(id, infra.cardToken, 9999, CaptureMode.MANUAL, "");
        scenario.send(other);

        CommandRejected rejected = (CommandRejected) scenario
                .awaitEvents(id, PaymentAuthorized.class, CommandRejected.class).get(1).getPayload();
        assertThat(rejected.getReason()).isEqualTo(RejectionReason.CONFLICTING_COMMAND);
        assertThat(rejected.getCommandId()).isEqualTo(other.getCommandId());
        awaitDeadLetter(id);
        assertThat(queries.find(id).block().payment().status()).isEqualTo(PaymentStatus.AUTHORIZED);
        assertThat(Scenario.authorizationsCreated(id)).isEqualTo(1);
    }

    @Test
    void anInvalidCommandIsRejectedWithTheFieldAndDeadLettered() throws Exception {
        String id = Commands.newPaymentRequestId("invalid");
        PaymentCommand command = Commands.authorize(id, infra.cardToken, 6300, CaptureMode.MANUAL, "");
        AuthorizePayment payload = AuthorizePayment.newBuilder((AuthorizePayment) command.getPayload())
                .setAmount(new Money(0L, "USD")).build();
        scenario.send(PaymentCommand.newBuilder(command).setPayload(payload).build());

        CommandRejected rejected = (CommandRejected) scenario.awaitEvents(id, CommandRejected.class).get(0)
                .getPayload();
        assertThat(rejected.getReason()).isEqualTo(RejectionReason.INVALID_FIELD);
        assertThat(rejected.getField()).isEqualTo("payload.amount.valueMinor");
        byte[] deadLetter = awaitDeadLetter(id).value();
        assertThat(deadLetter[0]).as("Confluent framing magic byte").isZero();
        assertThat(queries.find(id).block()).isNull();
        assertThat(Scenario.authorizationsCreated(id)).isZero();
    }

    @Test
    void aCancelOfAnUnknownPaymentIsRejected() throws Exception {
        String id = Commands.newPaymentRequestId("cancel-nothing");
        scenario.send(Commands.cancel(id, "no such payment"));

        CommandRejected rejected = (CommandRejected) scenario.awaitEvents(id, CommandRejected.class).get(0)
                .getPayload();
        assertThat(rejected.getReason()).isEqualTo(RejectionReason.UNKNOWN_PAYMENT);
        awaitDeadLetter(id);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicWithItsBytesAndThePartitionMovesOn() throws Exception {
        String poisonKey = Commands.newPaymentRequestId("poison");
        byte[] poison = "definitely not avro".getBytes(StandardCharsets.UTF_8);
        scenario.sendRaw(poisonKey, poison);
        String id = Commands.newPaymentRequestId("after-poison");
        scenario.send(Commands.authorize(id, infra.cardToken, 6400, CaptureMode.AUTOMATIC, ""));

        scenario.awaitStatus(id, PaymentStatus.AUTHORIZED);
        assertThat(awaitDeadLetter(poisonKey).value()).isEqualTo(poison);
        // the sender is told, addressed by the record's key: nothing is dead-lettered silently
        CommandRejected rejected = (CommandRejected) scenario.awaitEvents(poisonKey, CommandRejected.class).get(0)
                .getPayload();
        assertThat(rejected.getReason()).isEqualTo(RejectionReason.UNREADABLE);
        assertThat(rejected.getMessage()).doesNotContain("definitely not avro");
    }

    @Test
    void aRedeliveredNotificationChangesNothingAndEmitsNothing() throws Exception {
        String id = Commands.newPaymentRequestId("notified-twice");
        scenario.send(Commands.authorize(id, infra.cardToken, 6500, CaptureMode.MANUAL, "SANDBOX_3DS"));
        scenario.awaitStatus(id, PaymentStatus.AUTH_PENDING);
        PaymentActionRequired action = (PaymentActionRequired) scenario.awaitEvents(id, PaymentActionRequired.class)
                .get(0).getPayload();
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(action.getRedirectUrl() + "/complete"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        NotificationCatcher.Received received = await().atMost(Scenario.WAIT)
                .until(() -> infra.notifications.paymentResults(id), list -> !list.isEmpty()).get(0);
        AlipayNotification notification = Notifications.of(received, clock.instant());

        scenario.send(notification, action.getPaymentId());
        scenario.awaitStatus(id, PaymentStatus.AUTHORIZED);
        scenario.send(notification, action.getPaymentId());
        scenario.awaitConsumed(Topics.ALIPAY_NOTIFICATIONS);

        assertThat(queries.find(id).block().timeline()).hasSize(3);
        scenario.awaitEvents(id, PaymentActionRequired.class, PaymentAuthorized.class);
    }

    @Test
    void aSuccessNotifiedAfterTheCancelIsCancelledAgainNotAuthorized() throws Exception {
        String id = Commands.newPaymentRequestId("late-success");
        scenario.send(Commands.authorize(id, infra.cardToken, 6600, CaptureMode.MANUAL, ""));
        scenario.awaitStatus(id, PaymentStatus.AUTHORIZED);
        NotificationCatcher.Received success = await().atMost(Scenario.WAIT)
                .until(() -> infra.notifications.paymentResults(id), list -> !list.isEmpty()).get(0);
        scenario.send(Commands.cancel(id, "buyer changed their mind"));
        scenario.awaitStatus(id, PaymentStatus.VOIDED);

        // Antom's success notification arrives late, after the void
        scenario.send(Notifications.of(success, clock.instant()), success.json().path("paymentId").asString());

        List<PaymentEvent> events = scenario.awaitEvents(id, PaymentAuthorized.class, AuthorizationCancelled.class,
                AuthorizationCancelled.class);
        assertThat(((AuthorizationCancelled) events.get(2).getPayload()).getInitiator())
                .isEqualTo(CancelInitiator.RECONCILER);
        PaymentQueries.PaymentView view = scenario.awaitStatus(id, PaymentStatus.VOIDED);
        assertThat(view.timeline()).extracting(t -> t.to()).containsExactly(PaymentStatus.AUTH_REQUESTED,
                PaymentStatus.AUTHORIZED, PaymentStatus.CANCEL_REQUESTED, PaymentStatus.VOIDED,
                PaymentStatus.CANCEL_REQUESTED, PaymentStatus.VOIDED);
        assertThat(Scenario.ledger(id, io.holdfast.alipay.sandbox.core.LedgerOperation.CANCEL))
                .filteredOn(e -> !e.replay()).hasSize(1);
    }

    private ConsumerRecord<String, byte[]> awaitDeadLetter(String key) {
        return await().atMost(Scenario.WAIT).until(() -> published.commandDeadLetters.stream()
                .filter(r -> key.equals(r.key())).findFirst().orElse(null), record -> record != null);
    }
}
