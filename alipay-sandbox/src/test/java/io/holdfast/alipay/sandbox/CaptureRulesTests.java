package io.holdfast.alipay.sandbox;

import static io.holdfast.alipay.sandbox.Requests.CANCEL;
import static io.holdfast.alipay.sandbox.Requests.CAPTURE;
import static io.holdfast.alipay.sandbox.Requests.INQUIRY;
import static io.holdfast.alipay.sandbox.Requests.PAY;
import static io.holdfast.alipay.sandbox.Requests.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.alipay.sandbox.Merchant.Reply;
import io.holdfast.alipay.sandbox.core.LedgerOperation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Capture and cancel rules, with a fixed base clock moved forward through the control API. */
class CaptureRulesTests {

    static AlipaySandbox sandbox;
    static Merchant merchant;

    @BeforeAll
    static void start() {
        sandbox = Merchant.sandbox().clock(Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC)).start();
        merchant = new Merchant(sandbox.baseUrl());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private String authorize(String value) {
        return merchant.post(PAY, Requests.manualPay(id("pay"), value), sandbox).status("paymentId");
    }

    private String capture(String paymentId, String currency, String value) {
        return merchant.post(CAPTURE, Requests.capture(id("cap"), paymentId, currency, value), sandbox).code();
    }

    @Test
    void captureMustBeExactlyTheAuthorizedAmountAndCurrency() {
        String paymentId = authorize("1000");
        assertThat(capture(paymentId, "USD", "1001")).isEqualTo("CAPTURE_AMOUNT_EXCEED_AUTH_LIMIT");
        Reply under = merchant.post(CAPTURE, Requests.capture(id("cap"), paymentId, "USD", "999"), sandbox);
        assertThat(under.code()).isEqualTo("PARAM_ILLEGAL");
        assertThat(under.body().path("result").path("resultMessage").asString()).contains("captureAmount.value");
        assertThat(capture(paymentId, "EUR", "1000")).isEqualTo("CURRENCY_NOT_SUPPORT");
        assertThat(capture(paymentId, "USD", "1000")).isEqualTo("SUCCESS");
        assertThat(capture(paymentId, "USD", "1000")).isEqualTo("MULTI_CAPTURE_NOT_SUPPORTED");
    }

    @Test
    void theAsyncCaptureAmountIsInProcessUntilTheDelayPassesOnTheSandboxClock() {
        String paymentId = authorize("900092");
        Reply first = merchant.post(CAPTURE, Requests.capture("cap_async_1", paymentId, "USD", "900092"), sandbox);
        assertThat(first.code()).isEqualTo("CAPTURE_IN_PROCESS");
        assertThat(first.body().path("result").path("resultStatus").asString()).isEqualTo("U");
        assertThat(capture(paymentId, "USD", "900092")).isEqualTo("MULTI_CAPTURE_NOT_SUPPORTED");
        assertThat(captureTransaction(paymentId).path("transactionStatus").asString()).isEqualTo("PROCESSING");

        sandbox.control().advanceClock(Duration.ofSeconds(9));
        assertThat(captureTransaction(paymentId).path("transactionStatus").asString()).isEqualTo("PROCESSING");
        sandbox.control().advanceClock(Duration.ofSeconds(1));

        JsonNode done = captureTransaction(paymentId);
        assertThat(done.path("transactionStatus").asString()).isEqualTo("SUCCESS");
        Reply replay = merchant.post(CAPTURE, Requests.capture("cap_async_1", paymentId, "USD", "900092"), sandbox);
        assertThat(replay.code()).isEqualTo("SUCCESS");
        assertThat(replay.status("captureId")).isEqualTo(done.path("transactionId").asString());
        assertThat(replay.status("captureTime")).isEqualTo(done.path("transactionTime").asString());
    }

    private JsonNode captureTransaction(String paymentId) {
        return merchant.post(INQUIRY, Requests.byPaymentId(paymentId), sandbox).body().path("transactions").get(0);
    }

    @Test
    void captureOfUnknownOrCancelledAuthorizations() {
        assertThat(capture("20260301000000999999999999999999999", "USD", "1")).isEqualTo("AUTH_NOT_FOUND");
        String paymentId = authorize("1000");
        merchant.post(CANCEL, Requests.byPaymentId(paymentId), sandbox);
        assertThat(capture(paymentId, "USD", "1000")).isEqualTo("AUTH_CANCELLED");
    }

    @Test
    void aCapturedPaymentCannotBeCancelled() {
        String paymentId = authorize("1000");
        capture(paymentId, "USD", "1000");
        assertThat(merchant.post(CANCEL, Requests.byPaymentId(paymentId), sandbox).code())
                .isEqualTo("ORDER_STATUS_INVALID");
    }

    @Test
    void anAuthorizationExpiresAfterSevenDaysAndIsReleased() {
        String paymentId = authorize("1000");
        String cancelMe = authorize("2000");
        JsonNode before = merchant.post(INQUIRY, Requests.byPaymentId(paymentId), sandbox).body();
        Instant expiry = Instant.from(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME
                .parse(before.path("authExpiryTime").asString()));
        Instant paid = Instant.from(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME
                .parse(before.path("paymentTime").asString()));
        assertThat(Duration.between(paid, expiry)).isEqualTo(Duration.ofDays(7));

        sandbox.control().advanceClock(Duration.ofDays(7).minusSeconds(1));
        assertThat(merchant.post(INQUIRY, Requests.byPaymentId(paymentId), sandbox).status("paymentStatus"))
                .isEqualTo("SUCCESS");
        sandbox.control().advanceClock(Duration.ofSeconds(1));

        assertThat(capture(paymentId, "USD", "1000")).isEqualTo("AUTH_EXPIRED");
        assertThat(merchant.post(CANCEL, Requests.byPaymentId(cancelMe), sandbox).code())
                .isEqualTo("CANCEL_WINDOW_EXCEED");
        JsonNode after = merchant.post(INQUIRY, Requests.byPaymentId(paymentId), sandbox).body();
        assertThat(after.path("paymentStatus").asString()).isEqualTo("CANCELLED");
        assertThat(after.path("transactions").get(0).path("transactionType").asString()).isEqualTo("VOID");
        assertThat(sandbox.control().ledger()).anyMatch(e -> e.operation() == LedgerOperation.AUTHORIZATION_EXPIRED
                && paymentId.equals(e.paymentId()));
    }

    @Test
    void theClockNeverMovesBackwards() {
        assertThatThrownBy(() -> sandbox.control().advanceClock(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lenientModeAllowsOneCaptureBelowTheAuthorizedAmount() {
        try (AlipaySandbox lenient = Merchant.sandbox().strictCapture(false).httpsPort(null).start()) {
            Merchant client = new Merchant(lenient.baseUrl());
            String paymentId = client.post(PAY, Requests.manualPay(id("pay"), "1000"), lenient).status("paymentId");
            assertThat(client.post(CAPTURE, Requests.capture(id("cap"), paymentId, "USD", "600"), lenient).code())
                    .isEqualTo("SUCCESS");
        }
    }
}
