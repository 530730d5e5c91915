package io.holdfast.messaging.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.alipay.client.model.AntomFields.Rule;
import io.holdfast.alipay.client.model.AntomFields.Violation;
import io.holdfast.schemas.command.AuthorizePayment;
import io.holdfast.schemas.command.CancelPayment;
import io.holdfast.schemas.command.CapturePayment;
import io.holdfast.schemas.command.CardReference;
import io.holdfast.schemas.command.ChangeDeadlinePolicy;
import io.holdfast.schemas.command.Env;
import io.holdfast.schemas.command.Order;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.command.RefundPayment;
import io.holdfast.schemas.command.TerminalType;
import io.holdfast.schemas.common.CaptureMode;
import io.holdfast.schemas.common.CardSummary;
import io.holdfast.schemas.common.DeadlinePolicy;
import io.holdfast.schemas.common.Money;
import io.holdfast.schemas.notification.AlipayNotification;
import io.holdfast.schemas.notification.CaptureResultNotification;
import io.holdfast.schemas.notification.PaymentResultNotification;
import io.holdfast.schemas.notification.RefundResultNotification;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordRulesUnitTests {

    private static final String PAN = "4054695723100768";

    static PaymentCommand authorize() {
        return PaymentCommand.newBuilder().setCommandId("cmd-1").setPaymentRequestId("acme-1").setMerchantId("acme")
                .setIssuedAt(Instant.EPOCH)
                .setPayload(AuthorizePayment.newBuilder().setAmount(new Money(1999L, "USD"))
                        .setCaptureMode(CaptureMode.MANUAL)
                        .setCard(CardReference.newBuilder().setCardToken("ALIPAY_TOKEN_0123456789012345678").build())
                        .setOrder(Order.newBuilder().setReferenceOrderId("o-1").setOrderDescription("Order 1")
                                .setGoods(List.of()).build())
                        .setEnv(Env.newBuilder().setTerminalType(TerminalType.WEB).build())
                        .setPaymentRedirectUrl("https://shop.example/back").build())
                .build();
    }

    static AlipayNotification payment() {
        return AlipayNotification.newBuilder().setNotificationId("a".repeat(64)).setReceivedAt(Instant.EPOCH)
                .setClientId("SANDBOX_5X00000000000000").setRequestTime("1767225600000")
                .setPayload(PaymentResultNotification.newBuilder().setNotifyType("PAYMENT_RESULT").setResultStatus("S")
                        .setResultCode("SUCCESS").setPaymentRequestId("acme-1")
                        .setPaymentId("20220919194010890100111740275820195").setPaymentAmount(new Money(8000L, "EUR"))
                        .setCard(new CardSummary("405469******0768", "VISA", "CREDIT", "US"))
                        .setCardToken("ALIPAY_TOKEN_0123456789012345678").build())
                .build();
    }

    @Test
    void validRecordsPass() {
        assertThat(RecordRules.command(authorize())).isEmpty();
        assertThat(RecordRules.notification(payment())).isEmpty();
        assertThat(RecordRules.command(PaymentCommand.newBuilder(authorize())
                .setPayload(new CancelPayment("buyer asked")).build())).isEmpty();
    }

    /**
     * Found by the edge's fuzz (seed 7096414084817443588): the edge's notificationId is the hex SHA-256 of the raw
     * body, and this one holds the digits 8440874119302759, a Luhn-valid 16-digit run; the card-number rule refused a
     * genuine notification (about one in a few thousand would be dead-lettered). A hash as the edge writes it is no
     * card number; any other shape still is scanned.
     */
    @Test
    void theEdgesNotificationIdIsAHashNotACardNumber() {
        AlipayNotification hashed = AlipayNotification.newBuilder(payment())
                .setNotificationId("e0bc6340e1c373dce3cbba9ff44469eceac2495e4ad3118d8440874119302759").build();
        AlipayNotification carded = AlipayNotification.newBuilder(payment()).setNotificationId("n-" + PAN).build();

        assertThat(RecordRules.notification(hashed)).isEmpty();
        assertThat(RecordRules.notification(carded)).get().extracting(Violation::field).isEqualTo("notificationId");
    }

    @Test
    void theIssueExamplesBreakTheRulesOnKafkaToo() {
        AlipayNotification longId = payment();
        ((PaymentResultNotification) longId.getPayload()).setPaymentRequestId("x".repeat(10_000));
        assertThat(rule(RecordRules.notification(longId))).isEqualTo(Rule.TOO_LONG);

        AlipayNotification q = payment();
        ((PaymentResultNotification) q.getPayload()).setResultStatus("Q");
        assertThat(RecordRules.notification(q)).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo(Rule.INVALID_VALUE);
            assertThat(v.field()).isEqualTo("payload.resultStatus");
        });

        AlipayNotification us = payment();
        ((PaymentResultNotification) us.getPayload()).setPaymentAmount(new Money(8000L, "US"));
        assertThat(rule(RecordRules.notification(us))).isEqualTo(Rule.INVALID_CURRENCY);

        AlipayNotification pan = payment();
        ((PaymentResultNotification) pan.getPayload()).setCard(new CardSummary(PAN, "VISA", null, null));
        assertThat(rule(RecordRules.notification(pan))).isEqualTo(Rule.CARD_DATA);
    }

    @Test
    void aCaptureNotificationNeedsItsIdsAndAPlausibleAmount() {
        AlipayNotification capture = AlipayNotification.newBuilder(payment())
                .setPayload(CaptureResultNotification.newBuilder().setResultStatus("S").setResultCode("SUCCESS")
                        .setCaptureRequestId("c-1").setPaymentId("p-1").setCaptureId("")
                        .setCaptureAmount(new Money(-5L, "EUR")).build()).build();
        assertThat(RecordRules.notification(capture)).hasValueSatisfying(v -> assertThat(v.field())
                .isEqualTo("payload.captureId"));
    }

    @Test
    void aRefundNotificationIsFinalAndNeedsItsIds() {
        RefundResultNotification.Builder refund = RefundResultNotification.newBuilder().setResultStatus("S")
                .setResultCode("SUCCESS").setRefundStatus("SUCCESS").setRefundRequestId("r-1").setRefundId("9")
                .setRefundAmount(new Money(500L, "USD"));
        assertThat(RecordRules.notification(AlipayNotification.newBuilder(payment()).setPayload(refund.build())
                .build())).isEmpty();
        assertThat(field(RecordRules.notification(AlipayNotification.newBuilder(payment())
                .setPayload(refund.setRefundStatus("PROCESSING").build()).build()))).isEqualTo("payload.refundStatus");
        assertThat(field(RecordRules.notification(AlipayNotification.newBuilder(payment())
                .setPayload(refund.setRefundStatus("FAIL").setRefundId("").build()).build())))
                .isEqualTo("payload.refundId");
    }

    @Test
    void commandsBreakingTheRulesAreNamedByField() {
        PaymentCommand longCommandId = authorize();
        longCommandId.setCommandId("c".repeat(129));
        assertThat(field(RecordRules.command(longCommandId))).isEqualTo("commandId");

        PaymentCommand panInDescription = authorize();
        ((AuthorizePayment) panInDescription.getPayload()).getOrder().setOrderDescription("card " + PAN);
        assertThat(RecordRules.command(panInDescription)).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo(Rule.CARD_DATA);
            assertThat(v.message()).doesNotContain(PAN);
        });

        PaymentCommand zeroCapture = PaymentCommand.newBuilder(authorize())
                .setPayload(new CapturePayment(new Money(0L, "USD"), null)).build();
        assertThat(field(RecordRules.command(zeroCapture))).isEqualTo("payload.amount.valueMinor");

        PaymentCommand huge = authorize();
        ((AuthorizePayment) huge.getPayload()).setAmount(new Money(Long.MAX_VALUE, "USD"));
        assertThat(rule(RecordRules.command(huge))).isEqualTo(Rule.INVALID_AMOUNT);

        PaymentCommand farFuture = PaymentCommand.newBuilder(authorize())
                .setPayload(new CapturePayment(new Money(100L, "USD"), Instant.ofEpochMilli(Long.MAX_VALUE))).build();
        assertThat(field(RecordRules.command(farFuture))).isEqualTo("payload.captureAt");

        PaymentCommand region = authorize();
        ((AuthorizePayment) region.getPayload()).setMerchantRegion("sg");
        assertThat(field(RecordRules.command(region))).isEqualTo("payload.merchantRegion");
    }

    @Test
    void refundAndPolicyCommandsHaveTheirOwnRules() {
        PaymentCommand refund = PaymentCommand.newBuilder(authorize()).setOperatorId("ops.alice")
                .setPayload(new RefundPayment(null, new Money(500L, "USD"), "item returned", null)).build();
        assertThat(RecordRules.command(refund)).isEmpty();

        PaymentCommand longRefundRequestId = PaymentCommand.newBuilder(refund)
                .setPayload(new RefundPayment("r".repeat(65), new Money(500L, "USD"), null, null)).build();
        assertThat(field(RecordRules.command(longRefundRequestId))).isEqualTo("payload.refundRequestId");

        PaymentCommand zeroRefund = PaymentCommand.newBuilder(refund)
                .setPayload(new RefundPayment(null, new Money(0L, "USD"), null, null)).build();
        assertThat(field(RecordRules.command(zeroRefund))).isEqualTo("payload.amount.valueMinor");

        PaymentCommand panInReason = PaymentCommand.newBuilder(refund)
                .setPayload(new RefundPayment(null, new Money(5L, "USD"), "card " + PAN, null)).build();
        assertThat(rule(RecordRules.command(panInReason))).isEqualTo(Rule.CARD_DATA);

        PaymentCommand policy = PaymentCommand.newBuilder(authorize())
                .setPayload(new ChangeDeadlinePolicy(DeadlinePolicy.VOID, "buyer cancelled the order")).build();
        assertThat(RecordRules.command(policy)).isEmpty();

        PaymentCommand longOperator = PaymentCommand.newBuilder(policy).setOperatorId("o".repeat(65)).build();
        assertThat(field(RecordRules.command(longOperator))).isEqualTo("operatorId");
    }

    private static Rule rule(Optional<Violation> violation) {
        assertThat(violation).isPresent();
        return violation.get().rule();
    }

    private static String field(Optional<Violation> violation) {
        assertThat(violation).isPresent();
        return violation.get().field();
    }
}
