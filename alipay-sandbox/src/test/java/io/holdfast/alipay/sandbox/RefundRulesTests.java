package io.holdfast.alipay.sandbox;

import static io.holdfast.alipay.sandbox.Requests.CANCEL;
import static io.holdfast.alipay.sandbox.Requests.CAPTURE;
import static io.holdfast.alipay.sandbox.Requests.INQUIRY;
import static io.holdfast.alipay.sandbox.Requests.INQUIRY_REFUND;
import static io.holdfast.alipay.sandbox.Requests.PAY;
import static io.holdfast.alipay.sandbox.Requests.REFUND;
import static io.holdfast.alipay.sandbox.Requests.VISA;
import static io.holdfast.alipay.sandbox.Requests.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.holdfast.alipay.sandbox.Merchant.Reply;
import io.holdfast.alipay.sandbox.core.Api;
import io.holdfast.alipay.sandbox.core.LedgerEntry;
import io.holdfast.alipay.sandbox.core.LedgerOperation;
import io.holdfast.alipay.sandbox.core.NotificationType;
import io.holdfast.alipay.sandbox.fault.FaultKind;
import io.holdfast.alipay.sandbox.fault.FaultSpec;
import io.holdfast.alipay.sandbox.notify.DeliveryStatus;
import io.holdfast.alipay.sandbox.notify.DeliveryView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The refund rules of antom-refunds.md, one test per rule, over real HTTP with the sandbox clock moved by hand. One
 * sandbox for the class (each test uses its own payments and ids; the clock only moves forward).
 */
class RefundRulesTests {

    static AlipaySandbox sandbox;
    static NotificationReceiver receiver;
    static Merchant merchant;

    @BeforeAll
    static void start() {
        receiver = new NotificationReceiver();
        sandbox = Merchant.sandbox().httpsPort(null)
                .clock(Clock.fixed(Instant.parse("2026-05-01T00:00:00Z"), ZoneOffset.UTC)).start();
        merchant = new Merchant(sandbox.baseUrl());
    }

    @AfterEach
    void acknowledge() {
        receiver.reply(NotificationReceiver.ACK);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
        receiver.close();
    }

    private String authorize(String value) {
        return merchant.post(PAY, Requests.pay(id("pay"), value, VISA, "MANUAL", receiver.url()), sandbox)
                .status("paymentId");
    }

    private String captured(String value) {
        String paymentId = authorize(value);
        assertThat(merchant.post(CAPTURE, Requests.capture(id("cap"), paymentId, "USD", value), sandbox).code())
                .isEqualTo("SUCCESS");
        return paymentId;
    }

    private Reply refund(String refundRequestId, String paymentId, String value, String reason) {
        return merchant.post(REFUND, Requests.refund(refundRequestId, paymentId, "USD", value, reason), sandbox);
    }

    private String refundCode(String paymentId, String value) {
        return refund(id("ref"), paymentId, value, null).code();
    }

    private JsonNode inquireRefund(String refundRequestId) {
        return merchant.post(INQUIRY_REFUND, Requests.byRefundRequestId(refundRequestId), sandbox).body();
    }

    private List<JsonNode> refundTransactions(String paymentId) {
        JsonNode transactions = merchant.post(INQUIRY, Requests.byPaymentId(paymentId), sandbox).body()
                .path("transactions");
        return transactions.valueStream().filter(t -> "REFUND".equals(t.path("transactionType").asString())).toList();
    }

    private List<JsonNode> refundNotifications(String refundRequestId) {
        return receiver.received().stream().map(NotificationReceiver.Received::json)
                .filter(n -> refundRequestId.equals(n.path("refundRequestId").asString(null))).toList();
    }

    @Test
    void partialAndMultipleRefundsAreAcceptedInProcessWhileTheTotalStaysWithinTheCapturedAmount() {
        String paymentId = captured("1000");

        Reply first = refund("ref_a", paymentId, "300", "missing part");
        assertThat(first.code()).isEqualTo("REFUND_IN_PROCESS");
        assertThat(first.status("refundId")).as("ids come back only with S").isEmpty();
        assertThat(first.body().path("result").path("resultStatus").asString()).isEqualTo("U");
        assertThat(first.signatureValid()).isTrue();
        assertThat(refund("ref_b", paymentId, "700", null).code()).isEqualTo("REFUND_IN_PROCESS");
        assertThat(refundCode(paymentId, "1")).as("processing refunds hold their amount")
                .isEqualTo("REFUND_AMOUNT_EXCEED");
        assertThat(inquireRefund("ref_a").path("refundStatus").asString()).isEqualTo("PROCESSING");
        assertThat(refundTransactions(paymentId)).extracting(t -> t.path("transactionStatus").asString())
                .containsExactly("PROCESSING", "PROCESSING");

        sandbox.control().advanceClock(Duration.ofSeconds(10));

        JsonNode done = inquireRefund("ref_a");
        assertThat(done.path("refundStatus").asString()).isEqualTo("SUCCESS");
        assertThat(done.path("refundAmount").path("value").asString()).isEqualTo("300");
        assertThat(done.path("refundTime").asString()).isNotEmpty();
        List<JsonNode> transactions = refundTransactions(paymentId);
        assertThat(transactions).extracting(t -> t.path("transactionStatus").asString())
                .containsExactly("SUCCESS", "SUCCESS");
        assertThat(transactions.get(0).path("transactionRequestId").asString()).isEqualTo("ref_a");
        assertThat(transactions.get(0).path("transactionId").asString()).isEqualTo(done.path("refundId").asString());
        assertThat(merchant.post(INQUIRY, Requests.byPaymentId(paymentId), sandbox).status("paymentStatus"))
                .as("UNCONFIRMED: paymentStatus stays SUCCESS after refunds").isEqualTo("SUCCESS");
        assertThat(refundCode(paymentId, "1")).isEqualTo("REFUND_AMOUNT_EXCEED");
    }

    @Test
    void onlyACapturedPaymentIsRefundable() {
        String authorized = authorize("1000");
        assertThat(refundCode(authorized, "1000")).as("before capture: cancel instead").isEqualTo("ORDER_STATUS_INVALID");
        String asyncCapture = authorize("900092");
        merchant.post(CAPTURE, Requests.capture(id("cap"), asyncCapture, "USD", "900092"), sandbox);
        assertThat(refundCode(asyncCapture, "1")).as("capture in process").isEqualTo("ORDER_STATUS_INVALID");
        merchant.post(CANCEL, Requests.byPaymentId(authorized), sandbox);
        assertThat(refundCode(authorized, "1000")).isEqualTo("ORDER_IS_CANCELED");
        assertThat(refundCode("20260501000000999999999999999999999", "1")).isEqualTo("ORDER_NOT_EXIST");
        String declined = merchant.post(PAY, Requests.pay(id("pay"), "900001", VISA, "MANUAL", null), sandbox)
                .status("paymentId");
        assertThat(refundCode(declined, "1")).isEqualTo("ORDER_STATUS_INVALID");
    }

    @Test
    void anAutomaticCaptureIsRefundableAndTheCurrencyMustBeThePayments() {
        String paymentId = merchant.post(PAY, Requests.pay(id("pay"), "500", VISA, "AUTOMATIC", null), sandbox)
                .status("paymentId");
        assertThat(merchant.post(REFUND, Requests.refund(id("ref"), paymentId, "EUR", "500", null), sandbox).code())
                .isEqualTo("CURRENCY_NOT_SUPPORT");
        assertThat(refundCode(paymentId, "501")).isEqualTo("REFUND_AMOUNT_EXCEED");
        assertThat(refundCode(paymentId, "500")).isEqualTo("REFUND_IN_PROCESS");
    }

    @Test
    void theRefundWindowCountsFromPaymentTime() {
        String paymentId = captured("1000");
        sandbox.control().advanceClock(Duration.ofDays(183).minusSeconds(1));
        assertThat(refundCode(paymentId, "100")).isEqualTo("REFUND_IN_PROCESS");
        sandbox.control().advanceClock(Duration.ofSeconds(1));
        assertThat(refundCode(paymentId, "100")).isEqualTo("REFUND_WINDOW_EXCEED");
    }

    @Test
    void aReusedRefundRequestIdReplaysItsResultAndOtherContentIsInconsistent() {
        String paymentId = captured("1000");
        assertThat(refund("ref_same", paymentId, "400", null).code()).isEqualTo("REFUND_IN_PROCESS");
        assertThat(refund("ref_same", paymentId, "400", null).code())
                .as("UNCONFIRMED: a repeat while processing").isEqualTo("REFUND_IN_PROCESS");
        assertThat(refund("ref_same", paymentId, "401", null).code()).isEqualTo("REPEAT_REQ_INCONSISTENT");
        assertThat(merchant.post(REFUND, Requests.refund("ref_same", paymentId, "EUR", "400", null), sandbox).code())
                .isEqualTo("REPEAT_REQ_INCONSISTENT");
        sandbox.control().completePendingRefunds();

        Reply replay = refund("ref_same", paymentId, "400", null);
        assertThat(replay.code()).isEqualTo("SUCCESS");
        assertThat(replay.status("refundId")).isEqualTo(inquireRefund("ref_same").path("refundId").asString());
        assertThat(refundTransactions(paymentId)).hasSize(1);
        assertThat(refund("ref_big", paymentId, "601", null).code()).isEqualTo("REFUND_AMOUNT_EXCEED");
        assertThat(refund("ref_big", paymentId, "601", null).code()).as("a refusal replays too")
                .isEqualTo("REFUND_AMOUNT_EXCEED");
        assertThat(refund("ref_big", paymentId, "600", null).code()).isEqualTo("REPEAT_REQ_INCONSISTENT");
        assertThat(inquireRefund("ref_big").path("result").path("resultCode").asString())
                .as("a refused refund was never created").isEqualTo("ORDER_NOT_EXIST");
        assertThat(sandbox.control().ledger()).filteredOn(e -> "ref_same".equals(e.requestId())
                && e.operation() == LedgerOperation.REFUND_COMPLETED).hasSize(1);
    }

    @Test
    void refundFailureTriggersRejectAtOnceOrFailLaterAndAFailedRefundFreesItsAmount() {
        String paymentId = captured("1000");
        assertThat(refund(id("ref"), paymentId, "10", "SANDBOX_REFUND_REJECT_MULTIPLE_REFUNDS_NOT_SUPPORTED").code())
                .isEqualTo("MULTIPLE_REFUNDS_NOT_SUPPORTED");
        assertThat(refund("ref_fail", paymentId, "1000", "SANDBOX_REFUND_FAIL_PROCESS_FAIL_order7").code())
                .isEqualTo("REFUND_IN_PROCESS");
        assertThat(refundCode(paymentId, "1")).isEqualTo("REFUND_AMOUNT_EXCEED");
        assertThat(refund(id("ref"), paymentId, "1", "SANDBOX_REFUND_FAIL_NOPE").code()).isEqualTo("PARAM_ILLEGAL");

        sandbox.control().advanceClock(Duration.ofSeconds(10));

        JsonNode failed = inquireRefund("ref_fail");
        assertThat(failed.path("refundStatus").asString()).isEqualTo("FAIL");
        assertThat(failed.path("refundResult").path("resultCode").asString()).isEqualTo("PROCESS_FAIL");
        assertThat(refund("ref_fail", paymentId, "1000", "SANDBOX_REFUND_FAIL_PROCESS_FAIL_order7").code())
                .isEqualTo("PROCESS_FAIL");
        await().atMost(Duration.ofSeconds(5)).until(() -> !refundNotifications("ref_fail").isEmpty());
        JsonNode notification = refundNotifications("ref_fail").get(0);
        assertThat(notification.path("refundStatus").asString()).isEqualTo("FAIL");
        assertThat(notification.path("result").path("resultCode").asString()).isEqualTo("PROCESS_FAIL");
        assertThat(refundTransactions(paymentId).get(0).path("transactionStatus").asString()).isEqualTo("FAIL");
        assertThat(refundCode(paymentId, "1000")).as("a failed refund holds nothing").isEqualTo("REFUND_IN_PROCESS");
    }

    @Test
    void notifyRefundIsSentOnceFinalSignedWithoutPaymentIdAndRetriedOnAntomsSchedule() {
        receiver.reply(NotificationTests.NOT_ACK);
        String paymentId = captured("1000");
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.bodiesFor(paymentId).size() == 2);
        assertThat(refund("ref_n", paymentId, "250", null).code()).isEqualTo("REFUND_IN_PROCESS");
        sandbox.control().advanceClock(Duration.ofSeconds(9));
        assertThat(refundNotifications("ref_n")).as("never while processing").isEmpty();
        sandbox.control().advanceClock(Duration.ofSeconds(1));
        await().atMost(Duration.ofSeconds(5)).until(() -> refundNotifications("ref_n").size() == 1);

        JsonNode body = refundNotifications("ref_n").get(0);
        assertThat(body.path("notifyType").asString()).isEqualTo("REFUND_RESULT");
        assertThat(body.path("refundStatus").asString()).isEqualTo("SUCCESS");
        assertThat(body.path("result").path("resultStatus").asString()).isEqualTo("S");
        assertThat(body.path("refundAmount").path("value").asString()).isEqualTo("250");
        assertThat(body.path("refundId").asString()).isNotEmpty();
        assertThat(body.path("refundTime").asString()).isNotEmpty();
        assertThat(body.has("paymentId")).isFalse();
        assertThat(receiver.received()).allMatch(r -> r.verifies(sandbox.sandboxPublicKey()));

        DeliveryView delivery = refundDelivery("ref_n");
        Instant first = delivery.attempts().get(0).dueAt();
        sandbox.control().advanceClock(Duration.ofMinutes(2));
        await().atMost(Duration.ofSeconds(5)).until(() -> refundNotifications("ref_n").size() == 2);
        await().atMost(Duration.ofSeconds(5)).until(() -> refundDelivery("ref_n").attempts().size() == 2);
        assertThat(refundDelivery("ref_n").attempts().get(1).dueAt()).isEqualTo(first.plus(Duration.ofMinutes(2)));
        receiver.reply(NotificationReceiver.ACK);
        sandbox.control().advanceClock(Duration.ofMinutes(10));
        await().atMost(Duration.ofSeconds(5)).until(() -> refundDelivery("ref_n").status() == DeliveryStatus.DELIVERED);
    }

    private static DeliveryView refundDelivery(String refundRequestId) {
        return sandbox.control().deliveries().stream().filter(d -> d.type() == NotificationType.REFUND_RESULT
                && refundRequestId.equals(d.body().path("refundRequestId").asString(null))).findFirst().orElseThrow();
    }

    @Test
    void aRefundUnknownExceptionIsNotAppliedAndTheSameIdRefundsOnce() {
        String paymentId = captured("1000");
        sandbox.control().injectFault(FaultSpec.next(Api.REFUND, FaultKind.UNKNOWN_EXCEPTION, 1));
        assertThat(refund("ref_u", paymentId, "100", null).code()).isEqualTo("UNKNOWN_EXCEPTION");
        assertThat(inquireRefund("ref_u").path("result").path("resultCode").asString()).isEqualTo("ORDER_NOT_EXIST");
        assertThat(refund("ref_u", paymentId, "100", null).code()).isEqualTo("REFUND_IN_PROCESS");
        assertThat(refund("ref_u", paymentId, "100", null).code()).isEqualTo("REFUND_IN_PROCESS");
        assertThat(refundTransactions(paymentId)).hasSize(1);
    }

    @Test
    void aRefundAppliedThenTimedOutIsFoundByInquiry() {
        String paymentId = captured("1000");
        sandbox.control().injectFault(FaultSpec.next(Api.REFUND, FaultKind.APPLY_THEN_TIMEOUT, 1)
                .withLatency(Duration.ofSeconds(3)));
        assertThatThrownBy(() -> merchant.post(REFUND, io.holdfast.alipay.sandbox.core.Json.bytes(Requests.refund("ref_t", paymentId, "USD", "100",
                null)), sandbox, Duration.ofMillis(300))).hasRootCauseInstanceOf(java.net.http.HttpTimeoutException.class);
        assertThat(inquireRefund("ref_t").path("refundStatus").asString()).isEqualTo("PROCESSING");
        List<LedgerEntry> applied = sandbox.control().ledger().stream()
                .filter(e -> e.operation() == LedgerOperation.REFUND && "ref_t".equals(e.requestId())).toList();
        assertThat(applied).hasSize(1);
    }

    @Test
    void aLostNotifyRefundLeavesOnlyTheInquiry() {
        String paymentId = captured("1000");
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.bodiesFor(paymentId).size() == 2);
        sandbox.control().dropNextNotifications(1);
        assertThat(refund("ref_lost", paymentId, "1000", null).code()).isEqualTo("REFUND_IN_PROCESS");
        sandbox.control().completePendingRefunds();
        sandbox.control().advanceClock(Duration.ofDays(2));

        assertThat(refundDelivery("ref_lost").status()).isEqualTo(DeliveryStatus.DROPPED);
        assertThat(refundNotifications("ref_lost")).isEmpty();
        assertThat(inquireRefund("ref_lost").path("refundStatus").asString()).isEqualTo("SUCCESS");
    }

    @Test
    void inquiryRefundNeedsAnIdAndPrefersRefundId() {
        String paymentId = captured("1000");
        refund("ref_i", paymentId, "100", null);
        sandbox.control().completePendingRefunds();
        String refundId = inquireRefund("ref_i").path("refundId").asString();
        assertThat(merchant.post(INQUIRY_REFUND, io.holdfast.alipay.sandbox.core.Json.object(), sandbox).code())
                .isEqualTo("PARAM_ILLEGAL");
        JsonNode byId = merchant.post(INQUIRY_REFUND, io.holdfast.alipay.sandbox.core.Json.object()
                .put("refundId", refundId).put("refundRequestId", "someone_else"), sandbox).body();
        assertThat(byId.path("refundRequestId").asString()).isEqualTo("ref_i");
    }
}
