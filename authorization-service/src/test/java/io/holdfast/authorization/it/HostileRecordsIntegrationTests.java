package io.holdfast.authorization.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.holdfast.authorization.domain.PaymentStatus;
import io.holdfast.schemas.Topics;
import io.holdfast.schemas.command.AuthorizePayment;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.common.CaptureMode;
import io.holdfast.schemas.common.Money;
import io.holdfast.schemas.event.CommandRejected;
import io.holdfast.schemas.event.PaymentAuthorized;
import io.holdfast.schemas.event.RejectionReason;
import io.holdfast.schemas.notification.AlipayNotification;
import io.holdfast.schemas.notification.PaymentResultNotification;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * Records that decode but break Antom's field rules (issue 18), as a buggy or hostile producer would write them: a
 * command is refused with CommandRejected(INVALID_FIELD) and dead-lettered, a notification is dead-lettered with its
 * reason; no call to Antom, nothing stored, and the partition moves on.
 */
@AuthorizationServiceIntegrationTest
class HostileRecordsIntegrationTests extends ScenarioTest {

    private static final String PAN = "4054695723100768";

    @Test
    void aCardNumberInTheOrderDescriptionIsRejectedNeverSentToAntom() throws Exception {
        String id = Commands.newPaymentRequestId("pan");
        PaymentCommand command = Commands.authorize(id, infra.cardToken, 7100, CaptureMode.MANUAL, "card " + PAN);

        scenario.send(command);

        CommandRejected rejected = (CommandRejected) scenario.awaitEvents(id, CommandRejected.class).get(0)
                .getPayload();
        assertThat(rejected.getReason()).isEqualTo(RejectionReason.INVALID_FIELD);
        assertThat(rejected.getField()).isEqualTo("payload.order.orderDescription");
        assertThat(rejected.getCommandId()).isEqualTo(command.getCommandId());
        assertThat(rejected.getMessage()).doesNotContain(PAN);
        awaitCommandDeadLetter(id);
        assertThat(Scenario.authorizationsCreated(id)).isZero();
        assertThat(queries.find(id).block()).isNull();
    }

    @Test
    void anAmountBeyondSixteenDigitsIsRejected() throws Exception {
        String id = Commands.newPaymentRequestId("huge");
        PaymentCommand command = Commands.authorize(id, infra.cardToken, 7200, CaptureMode.MANUAL, "");
        ((AuthorizePayment) command.getPayload()).setAmount(new Money(Long.MAX_VALUE, "USD"));

        scenario.send(command);

        CommandRejected rejected = (CommandRejected) scenario.awaitEvents(id, CommandRejected.class).get(0)
                .getPayload();
        assertThat(rejected.getField()).isEqualTo("payload.amount.valueMinor");
        assertThat(Scenario.authorizationsCreated(id)).isZero();
    }

    /** A 10,000-character commandId does not fit the inbox: it used to fail the insert, retried without end. */
    @Test
    void aCommandIdOfTenThousandCharactersIsRejectedAndThePartitionMovesOn() throws Exception {
        String id = Commands.newPaymentRequestId("long-command-id");
        scenario.send(Commands.withCommandId(Commands.cancel(id, "x"), "c".repeat(10_000)));
        String after = Commands.newPaymentRequestId("after-long-command-id");
        scenario.send(Commands.authorize(after, infra.cardToken, 7300, CaptureMode.AUTOMATIC, ""));

        CommandRejected rejected = (CommandRejected) scenario.awaitEvents(id, CommandRejected.class).get(0)
                .getPayload();
        assertThat(rejected.getReason()).isEqualTo(RejectionReason.INVALID_FIELD);
        assertThat(rejected.getField()).isEqualTo("commandId");
        assertThat(rejected.getCommandId()).as("a broken commandId is not repeated onto payments.events").isNull();
        scenario.awaitStatus(after, PaymentStatus.AUTHORIZED);
    }

    @Test
    void aPaymentRequestIdOfTenThousandCharactersIsDeadLetteredAndThePartitionMovesOn() throws Exception {
        String key = Commands.newPaymentRequestId("long-id");
        PaymentCommand command = Commands.authorize("x".repeat(10_000), infra.cardToken, 7400, CaptureMode.MANUAL, "");
        scenario.sendKeyed(key, command);
        String after = Commands.newPaymentRequestId("after-long-id");
        scenario.send(Commands.authorize(after, infra.cardToken, 7500, CaptureMode.AUTOMATIC, ""));

        scenario.awaitStatus(after, PaymentStatus.AUTHORIZED);
        awaitCommandDeadLetter(key);
        assertThat(Scenario.authorizationsCreated("x".repeat(10_000))).isZero();
    }

    @Test
    void aNotificationBreakingTheRulesIsDeadLetteredWithItsReason() throws Exception {
        String id = Commands.newPaymentRequestId("notified-q");
        scenario.send(Commands.authorize(id, infra.cardToken, 7600, CaptureMode.MANUAL, ""));
        scenario.awaitStatus(id, PaymentStatus.AUTHORIZED);
        PaymentAuthorized authorized = (PaymentAuthorized) scenario.awaitEvents(id, PaymentAuthorized.class).get(0)
                .getPayload();
        String paymentId = authorized.getPaymentId();

        scenario.send(notification(id, paymentId, "Q", "USD"), paymentId);
        scenario.send(notification(id, paymentId, "F", "US"), paymentId);

        ConsumerRecord<String, byte[]> first = awaitNotificationDeadLetter(paymentId, 2).get(0);
        assertThat(header(first, "kafka_dlt-exception-message")).contains("payload.resultStatus");
        scenario.awaitConsumed(Topics.ALIPAY_NOTIFICATIONS);
        assertThat(queries.find(id).block().payment().status()).isEqualTo(PaymentStatus.AUTHORIZED);
        assertThat(scenario.eventsFor(id)).hasSize(1);
    }

    private static AlipayNotification notification(String paymentRequestId, String paymentId, String status,
            String currency) {
        return AlipayNotification.newBuilder().setNotificationId(UUID.randomUUID().toString().replace("-", ""))
                .setReceivedAt(Instant.parse("2026-03-01T10:00:00Z")).setClientId(TestInfrastructure.CLIENT_ID)
                .setRequestTime("1767225600000")
                .setPayload(PaymentResultNotification.newBuilder().setNotifyType("PAYMENT_RESULT")
                        .setResultStatus(status).setResultCode("DO_NOT_HONOR").setPaymentRequestId(paymentRequestId)
                        .setPaymentId(paymentId).setPaymentAmount(new Money(7600L, currency)).build())
                .build();
    }

    private ConsumerRecord<String, byte[]> awaitCommandDeadLetter(String key) {
        return await().atMost(Scenario.WAIT).until(() -> published.commandDeadLetters.stream()
                .filter(r -> key.equals(r.key())).findFirst().orElse(null), record -> record != null);
    }

    private java.util.List<ConsumerRecord<String, byte[]>> awaitNotificationDeadLetter(String key, int count) {
        return await().atMost(Scenario.WAIT).until(() -> published.notificationDeadLetters.stream()
                .filter(r -> key.equals(r.key())).toList(), records -> records.size() >= count);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
