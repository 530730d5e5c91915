package io.holdfast.alipay.sandbox;

import static io.holdfast.alipay.sandbox.Requests.CANCEL;
import static io.holdfast.alipay.sandbox.Requests.CAPTURE;
import static io.holdfast.alipay.sandbox.Requests.PAY;
import static io.holdfast.alipay.sandbox.Requests.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.alipay.sandbox.Merchant.Reply;
import io.holdfast.alipay.sandbox.core.LedgerEntry;
import io.holdfast.alipay.sandbox.core.LedgerOperation;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class IdempotencyTests {

    static AlipaySandbox sandbox;
    static Merchant merchant;

    @BeforeAll
    static void start() {
        sandbox = Merchant.sandbox().start();
        merchant = new Merchant(sandbox.baseUrl());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void aRepeatedPayReplaysTheResult() {
        String requestId = id("rep");
        Reply first = merchant.post(PAY, Requests.manualPay(requestId, "1000"), sandbox);
        Reply second = merchant.post(PAY, Requests.manualPay(requestId, "1000"), sandbox);
        assertThat(second.code()).isEqualTo("SUCCESS");
        assertThat(second.status("paymentId")).isEqualTo(first.status("paymentId"));
        assertThat(second.status("paymentTime")).isEqualTo(first.status("paymentTime"));
        List<LedgerEntry> pays = sandbox.control().ledger().stream()
                .filter(e -> requestId.equals(e.paymentRequestId())).toList();
        assertThat(pays).extracting(LedgerEntry::replay).containsExactly(false, true);
    }

    @Test
    void aRepeatedDeclineReplaysTheDecline() {
        String requestId = id("rep");
        assertThat(merchant.post(PAY, Requests.pay(requestId, "100", "4054692760174822", "MANUAL", null), sandbox).code())
                .isEqualTo("DO_NOT_HONOR");
        assertThat(merchant.post(PAY, Requests.pay(requestId, "100", "4054692760174822", "MANUAL", null), sandbox).code())
                .isEqualTo("DO_NOT_HONOR");
    }

    @Test
    void aRepeatWithDifferentKeyFieldsIsInconsistent() {
        String requestId = id("rep");
        merchant.post(PAY, Requests.manualPay(requestId, "1000"), sandbox);
        assertThat(merchant.post(PAY, Requests.manualPay(requestId, "1001"), sandbox).code())
                .isEqualTo("REPEAT_REQ_INCONSISTENT");
        ObjectNode otherCurrency = Requests.manualPay(requestId, "1000");
        otherCurrency.set("paymentAmount", Requests.amount("EUR", "1000"));
        assertThat(merchant.post(PAY, otherCurrency, sandbox).code()).isEqualTo("REPEAT_REQ_INCONSISTENT");
        assertThat(merchant.post(PAY, Requests.pay(requestId, "1000", "5162774114974622", "MANUAL", null), sandbox)
                .code()).isEqualTo("REPEAT_REQ_INCONSISTENT");
    }

    @Test
    void aRepeatOfACancelledPaymentIsOrderIsCanceled() {
        String requestId = id("rep");
        merchant.post(PAY, Requests.manualPay(requestId, "1000"), sandbox);
        merchant.post(CANCEL, Requests.byRequestId(requestId), sandbox);
        assertThat(merchant.post(PAY, Requests.manualPay(requestId, "1000"), sandbox).code())
                .isEqualTo("ORDER_IS_CANCELED");
    }

    @Test
    void aRepeatedCancelNeverCancelsTwice() {
        String requestId = id("rep");
        String paymentId = merchant.post(PAY, Requests.manualPay(requestId, "1000"), sandbox).status("paymentId");
        Reply first = merchant.post(CANCEL, Requests.byPaymentId(paymentId), sandbox);
        Reply second = merchant.post(CANCEL, Requests.byRequestId(requestId), sandbox);
        assertThat(second.code()).isEqualTo("SUCCESS");
        assertThat(second.status("cancelTime")).isEqualTo(first.status("cancelTime"));
        assertThat(sandbox.control().ledger().stream()
                .filter(e -> e.operation() == LedgerOperation.CANCEL && paymentId.equals(e.paymentId()))
                .map(LedgerEntry::replay)).containsExactly(false, true);
    }

    @Test
    void aRepeatedCaptureReplaysAndADifferentAmountIsInconsistent() {
        String paymentId = merchant.post(PAY, Requests.manualPay(id("rep"), "1000"), sandbox).status("paymentId");
        String captureRequestId = id("cap");
        Reply first = merchant.post(CAPTURE, Requests.capture(captureRequestId, paymentId, "USD", "1000"), sandbox);
        Reply again = merchant.post(CAPTURE, Requests.capture(captureRequestId, paymentId, "USD", "1000"), sandbox);
        assertThat(again.code()).isEqualTo("SUCCESS");
        assertThat(again.status("captureId")).isEqualTo(first.status("captureId"));
        assertThat(merchant.post(CAPTURE, Requests.capture(captureRequestId, paymentId, "USD", "999"), sandbox).code())
                .isEqualTo("REPEAT_REQ_INCONSISTENT");
        assertThat(sandbox.control().ledger().stream()
                .filter(e -> e.operation() == LedgerOperation.CAPTURE && paymentId.equals(e.paymentId()) && !e.replay()))
                .hasSize(1);
    }
}
