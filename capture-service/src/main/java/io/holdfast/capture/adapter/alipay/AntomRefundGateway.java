package io.holdfast.capture.adapter.alipay;

import io.holdfast.alipay.client.AlipayClient;
import io.holdfast.alipay.client.AlipayOutcome;
import io.holdfast.alipay.client.ResultCode;
import io.holdfast.alipay.client.model.AlipayTimes;
import io.holdfast.alipay.client.model.Amount;
import io.holdfast.alipay.client.model.InquiryRefundRequest;
import io.holdfast.alipay.client.model.InquiryRefundResponse;
import io.holdfast.alipay.client.model.RefundRequest;
import io.holdfast.alipay.client.model.RefundResponse;
import io.holdfast.alipay.client.model.Result;
import io.holdfast.capture.application.RefundGateway;
import io.holdfast.capture.domain.RefundAdvice;
import io.holdfast.capture.domain.RefundAttempt;
import io.holdfast.capture.domain.RefundResult;
import java.time.Instant;
import java.time.OffsetDateTime;
import reactor.core.publisher.Mono;

/** Antom refund and inquiryRefund through alipay-client (antom-refunds.md), mapped onto the domain's results. */
final class AntomRefundGateway implements RefundGateway {

    private final AlipayClient client;

    AntomRefundGateway(AlipayClient client) {
        this.client = client;
    }

    @Override
    public Mono<RefundResult> refund(RefundAttempt attempt) {
        RefundRequest request = RefundRequest.of(attempt.refundRequestId(), attempt.paymentId(),
                Amount.ofMinor(attempt.amount().currency(), attempt.amount().valueMinor()), attempt.reason(),
                attempt.captureId());
        return client.refund(request).map(AntomRefundGateway::refundResult);
    }

    @Override
    public Mono<RefundResult> inquire(String refundRequestId) {
        return client.inquiryRefund(InquiryRefundRequest.byRefundRequestId(refundRequestId))
                .map(AntomRefundGateway::lookup);
    }

    @Override
    public RefundAdvice advise(String resultCode) {
        return adviceFor(resultCode);
    }

    static RefundResult refundResult(AlipayOutcome<RefundResponse> outcome) {
        if (outcome instanceof AlipayOutcome.Succeeded<RefundResponse> s) {
            return new RefundResult.Succeeded(s.response().refundId(), time(s.response().refundTime()));
        }
        if (outcome instanceof AlipayOutcome.Failed<RefundResponse> f) {
            return new RefundResult.Failed(f.rawCode(), f.message(), adviceFor(f.rawCode()));
        }
        if (outcome instanceof AlipayOutcome.InProcess<RefundResponse> p) {
            return new RefundResult.InProcess(p.response().refundId());
        }
        if (outcome instanceof AlipayOutcome.Unknown<RefundResponse> u) {
            return new RefundResult.Unknown(u.reason() + ": " + u.detail());
        }
        if (outcome instanceof AlipayOutcome.NotSent<RefundResponse> n) {
            // known not sent: the inquiry finds nothing and the refund is sent again with the same id
            return new RefundResult.Unknown("not sent, " + n.reason() + ": " + n.detail());
        }
        throw new IllegalStateException("unhandled " + outcome);
    }

    /**
     * inquiryRefund: the call's result says whether the answer is usable; {@code refundStatus} decides. ORDER_NOT_EXIST
     * means Antom never received the refund (antom-refunds.md 5); any other F says nothing about our refund.
     */
    static RefundResult lookup(AlipayOutcome<InquiryRefundResponse> outcome) {
        if (outcome instanceof AlipayOutcome.Succeeded<InquiryRefundResponse> s) {
            InquiryRefundResponse r = s.response();
            if (r.refundStatus() == null) {
                return new RefundResult.Unknown("inquiry answered without refundStatus");
            }
            return switch (r.refundStatus()) {
                case SUCCESS -> new RefundResult.Succeeded(r.refundId(), time(r.refundTime()));
                case FAIL -> failed(r.refundResult());
                case PROCESSING -> new RefundResult.InProcess(r.refundId());
                // a status this client does not know is not a verdict: keep asking
                case UNRECOGNIZED -> new RefundResult.Unknown("unrecognized refundStatus");
            };
        }
        if (outcome instanceof AlipayOutcome.Failed<InquiryRefundResponse> f) {
            return f.code() == ResultCode.ORDER_NOT_EXIST ? new RefundResult.NotFound(f.rawCode())
                    : new RefundResult.Unknown("inquiry refused: " + f.rawCode());
        }
        if (outcome instanceof AlipayOutcome.InProcess<InquiryRefundResponse>) {
            return new RefundResult.Unknown("inquiry in process");
        }
        if (outcome instanceof AlipayOutcome.Unknown<InquiryRefundResponse> u) {
            return new RefundResult.Unknown(u.reason() + ": " + u.detail());
        }
        if (outcome instanceof AlipayOutcome.NotSent<InquiryRefundResponse> n) {
            return new RefundResult.Unknown("not sent, " + n.reason());
        }
        throw new IllegalStateException("unhandled " + outcome);
    }

    /** Where a failed refund's code appears in inquiryRefund is UNCONFIRMED: the sandbox's refundResult, else none. */
    private static RefundResult failed(Result result) {
        String code = result == null || result.resultCode() == null ? "REFUND_FAILED" : result.resultCode();
        return new RefundResult.Failed(code, result == null ? null : result.resultMessage(), adviceFor(code));
    }

    /**
     * Antom's advice for a refund code (antom-refunds.md 2), in the contract's vocabulary. Where the refund table
     * differs from the shared catalogue (whose advice is pay's), the refund reading wins: a cancelled payment cannot be
     * refunded at all, a top-up or a closed order needs a new refundRequestId.
     */
    static RefundAdvice adviceFor(String rawCode) {
        ResultCode code = ResultCode.of(rawCode);
        if (code == ResultCode.ORDER_IS_CANCELED) {
            return RefundAdvice.DO_NOT_RETRY;
        }
        if (code == ResultCode.MERCHANT_BALANCE_NOT_ENOUGH || code == ResultCode.ORDER_IS_CLOSED) {
            return RefundAdvice.RETRY_WITH_NEW_REQUEST_ID;
        }
        return switch (code.action()) {
            case NONE, AWAIT_RESULT -> RefundAdvice.NONE;
            case RETRY_SAME_ID -> RefundAdvice.RETRY_SAME_REQUEST;
            case INQUIRE -> RefundAdvice.UNSPECIFIED;
            case NEW_REQUEST_ID, RETRY_WITH_3DS -> RefundAdvice.RETRY_WITH_NEW_REQUEST_ID;
            case FIX_REQUEST -> RefundAdvice.FIX_REQUEST;
            case FIX_CONFIGURATION, CONTACT_SUPPORT -> RefundAdvice.CONTACT_SUPPORT;
            case DECLINED, REFUND_INSTEAD, DO_NOT_RETRY -> RefundAdvice.DO_NOT_RETRY;
        };
    }

    private static Instant time(String value) {
        return AlipayTimes.parse(value).map(OffsetDateTime::toInstant).orElse(null);
    }
}
