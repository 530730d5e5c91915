package io.holdfast.capture.adapter.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.alipay.client.AlipayOutcome;
import io.holdfast.alipay.client.NotSentReason;
import io.holdfast.alipay.client.ResultCode;
import io.holdfast.alipay.client.UnknownReason;
import io.holdfast.alipay.client.model.Amount;
import io.holdfast.alipay.client.model.CaptureResponse;
import io.holdfast.alipay.client.model.InquiryPaymentResponse;
import io.holdfast.alipay.client.model.Result;
import io.holdfast.alipay.client.model.ResultStatus;
import io.holdfast.alipay.client.model.Transaction;
import io.holdfast.alipay.client.model.TransactionStatus;
import io.holdfast.alipay.client.model.TransactionType;
import io.holdfast.capture.domain.CaptureLookup;
import io.holdfast.capture.domain.CaptureResult;
import io.holdfast.capture.domain.CaptureTransaction;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AntomCaptureGatewayUnitTests {

    private static final Amount USD = Amount.ofMinor("USD", 1999);

    @Test
    void captureOutcomesMapOntoTheDomainWithoutVerdictsForUnknowns() {
        var ok = new CaptureResponse(Result.success(), "cap-1", "c-1", "ap-1", USD, "2026-01-05T10:00:00+08:00",
                null);
        assertThat(AntomCaptureGateway.captureResult(new AlipayOutcome.Succeeded<>(ok)))
                .isEqualTo(new CaptureResult.Captured("c-1", Instant.parse("2026-01-05T02:00:00Z")));
        assertThat(AntomCaptureGateway.captureResult(new AlipayOutcome.Failed<>(ResultCode.UNKNOWN_RESULT_CODE,
                "AUTH_EXPIRED", "expired", null))).isEqualTo(new CaptureResult.Refused("AUTH_EXPIRED", "expired"));
        assertThat(AntomCaptureGateway.captureResult(new AlipayOutcome.Unknown<>(UnknownReason.TIMEOUT, "8s")))
                .isInstanceOf(CaptureResult.Unknown.class);
        assertThat(AntomCaptureGateway.captureResult(new AlipayOutcome.NotSent<>(NotSentReason.CONNECTION_REFUSED,
                "refused"))).isInstanceOf(CaptureResult.Unknown.class);
    }

    @Test
    void inquiryKeepsOnlyCaptureTransactions() {
        var capture = new Transaction(TransactionType.CAPTURE, TransactionStatus.SUCCESS, Result.success(), "c-1",
                "cap-1", USD, null);
        var voided = new Transaction(TransactionType.VOID, TransactionStatus.SUCCESS, Result.success(), "v-1", null,
                USD, null);
        var pending = new Transaction(TransactionType.CAPTURE, TransactionStatus.UNRECOGNIZED,
                new Result("CAPTURE_IN_PROCESS", ResultStatus.U, null), "c-2", "cap-2", USD, null);
        var response = new InquiryPaymentResponse(Result.success(), null, null, null, "pr-1", "ap-1", USD, null, null,
                null, null, null, null, List.of(capture, voided, pending), null, "CARD");
        CaptureLookup lookup = AntomCaptureGateway.lookup(new AlipayOutcome.Succeeded<>(response));
        assertThat(lookup).isInstanceOf(CaptureLookup.Answered.class);
        assertThat(((CaptureLookup.Answered) lookup).captures()).extracting(CaptureTransaction::requestId,
                CaptureTransaction::status).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("cap-1", CaptureTransaction.Status.SUCCEEDED),
                        org.assertj.core.groups.Tuple.tuple("cap-2", CaptureTransaction.Status.PROCESSING));
    }

    @Test
    void anInquiryThatFailedItselfSaysNothingAboutTheCapture() {
        assertThat(AntomCaptureGateway.lookup(new AlipayOutcome.Failed<>(ResultCode.UNKNOWN_RESULT_CODE,
                "ORDER_NOT_EXIST", null, null))).isInstanceOf(CaptureLookup.Unanswered.class);
        assertThat(AntomCaptureGateway.lookup(new AlipayOutcome.Unknown<>(UnknownReason.TIMEOUT, "5s")))
                .isInstanceOf(CaptureLookup.Unanswered.class);
    }
}
