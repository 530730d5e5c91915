package io.holdfast.capture.adapter.alipay;

import io.holdfast.alipay.client.AlipayClient;
import io.holdfast.alipay.client.AlipayOutcome;
import io.holdfast.alipay.client.model.Amount;
import io.holdfast.alipay.client.model.AlipayTimes;
import io.holdfast.alipay.client.model.CaptureResponse;
import io.holdfast.alipay.client.model.InquiryPaymentRequest;
import io.holdfast.alipay.client.model.InquiryPaymentResponse;
import io.holdfast.alipay.client.model.Transaction;
import io.holdfast.alipay.client.model.TransactionType;
import io.holdfast.capture.application.CaptureGateway;
import io.holdfast.capture.domain.CaptureLookup;
import io.holdfast.capture.domain.CaptureResult;
import io.holdfast.capture.domain.CaptureTransaction;
import io.holdfast.capture.domain.Money;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import reactor.core.publisher.Mono;

/** Antom capture and inquiryPayment through alipay-client; maps its one outcome type onto the domain's. */
final class AntomCaptureGateway implements CaptureGateway {

    private final AlipayClient client;

    AntomCaptureGateway(AlipayClient client) {
        this.client = client;
    }

    @Override
    public Mono<CaptureResult> capture(String captureRequestId, String paymentId, Money amount) {
        var request = io.holdfast.alipay.client.model.CaptureRequest.of(captureRequestId, paymentId,
                Amount.ofMinor(amount.currency(), amount.valueMinor()));
        return client.capture(request).map(AntomCaptureGateway::captureResult);
    }

    @Override
    public Mono<CaptureLookup> captures(String paymentId) {
        return client.inquiryPayment(InquiryPaymentRequest.byPaymentId(paymentId)).map(AntomCaptureGateway::lookup);
    }

    static CaptureResult captureResult(AlipayOutcome<CaptureResponse> outcome) {
        if (outcome instanceof AlipayOutcome.Succeeded<CaptureResponse> s) {
            return new CaptureResult.Captured(s.response().captureId(), time(s.response().captureTime()));
        }
        if (outcome instanceof AlipayOutcome.Failed<CaptureResponse> f) {
            return new CaptureResult.Refused(f.rawCode(), f.message());
        }
        if (outcome instanceof AlipayOutcome.InProcess<CaptureResponse>) {
            return new CaptureResult.InProcess();
        }
        if (outcome instanceof AlipayOutcome.Unknown<CaptureResponse> u) {
            return new CaptureResult.Unknown(u.reason() + ": " + u.detail());
        }
        if (outcome instanceof AlipayOutcome.NotSent<CaptureResponse> n) {
            // known not sent: the inquiry will find nothing and the capture is resent with the same id
            return new CaptureResult.Unknown("not sent, " + n.reason() + ": " + n.detail());
        }
        throw new IllegalStateException("unhandled " + outcome);
    }

    static CaptureLookup lookup(AlipayOutcome<InquiryPaymentResponse> outcome) {
        if (outcome instanceof AlipayOutcome.Succeeded<InquiryPaymentResponse> s) {
            List<Transaction> all = s.response().transactions() == null ? List.of() : s.response().transactions();
            return new CaptureLookup.Answered(all.stream()
                    .filter(t -> t.transactionType() == TransactionType.CAPTURE)
                    .map(AntomCaptureGateway::capture).toList());
        }
        if (outcome instanceof AlipayOutcome.Failed<InquiryPaymentResponse> f) {
            // F on the inquiry itself (e.g. ORDER_NOT_EXIST, ACCESS_DENIED) says nothing about our capture
            return new CaptureLookup.Unanswered("inquiry refused: " + f.rawCode());
        }
        if (outcome instanceof AlipayOutcome.InProcess<InquiryPaymentResponse>) {
            return new CaptureLookup.Unanswered("inquiry in process");
        }
        if (outcome instanceof AlipayOutcome.Unknown<InquiryPaymentResponse> u) {
            return new CaptureLookup.Unanswered(u.reason() + ": " + u.detail());
        }
        if (outcome instanceof AlipayOutcome.NotSent<InquiryPaymentResponse> n) {
            return new CaptureLookup.Unanswered("not sent, " + n.reason());
        }
        throw new IllegalStateException("unhandled " + outcome);
    }

    private static CaptureTransaction capture(Transaction t) {
        String code = t.transactionResult() == null ? null : t.transactionResult().resultCode();
        String message = t.transactionResult() == null ? null : t.transactionResult().resultMessage();
        return new CaptureTransaction(t.transactionRequestId(), t.transactionId(), status(t), code, message,
                time(t.transactionTime()));
    }

    private static CaptureTransaction.Status status(Transaction t) {
        if (t.transactionStatus() == null) {
            return CaptureTransaction.Status.PROCESSING;
        }
        return switch (t.transactionStatus()) {
            case SUCCESS -> CaptureTransaction.Status.SUCCEEDED;
            case FAIL, CANCELLED -> CaptureTransaction.Status.FAILED;
            // unrecognized is not a verdict: keep asking
            case PROCESSING, PENDING, UNRECOGNIZED -> CaptureTransaction.Status.PROCESSING;
        };
    }

    private static Instant time(String value) {
        return AlipayTimes.parse(value).map(OffsetDateTime::toInstant).orElse(null);
    }
}
