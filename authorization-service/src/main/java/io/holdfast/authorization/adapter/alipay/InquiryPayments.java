package io.holdfast.authorization.adapter.alipay;

import io.holdfast.alipay.client.model.InquiryPaymentResponse;
import io.holdfast.authorization.application.InquiryResult;
import io.holdfast.authorization.domain.AdvisedAction;
import io.holdfast.authorization.domain.AuthorizationResult;
import java.time.Clock;
import java.time.Instant;

/** Reads inquiryPayment's {@code paymentStatus} (the payment's state, not the inquiry call's). */
final class InquiryPayments {

    private InquiryPayments() {
    }

    static InquiryResult interpret(InquiryPaymentResponse response, Clock clock) {
        if (response.paymentStatus() == null) {
            return new InquiryResult.Unresolved("inquiry answered S without a paymentStatus");
        }
        return switch (response.paymentStatus()) {
            case SUCCESS -> {
                Instant paidAt = AlipayAntomGateway.time(response.paymentTime());
                yield new InquiryResult.Answered(new AuthorizationResult.Approved(response.paymentId(),
                        paidAt == null ? clock.instant() : paidAt, AlipayAntomGateway.time(response.authExpiryTime()),
                        CardSummaries.of(response.paymentResultInfo(), response.cardInfo())));
            }
            case FAIL -> new InquiryResult.Answered(new AuthorizationResult.Declined(response.paymentId(),
                    orDefault(response.paymentResultCode(), "PROCESS_FAIL"), response.paymentResultMessage(),
                    DeclineAdvice.forCode(response.paymentResultCode())));
            // closed by Antom without our cancel (e.g. 3DS never completed): nothing is held
            case CANCELLED -> new InquiryResult.Answered(new AuthorizationResult.Declined(response.paymentId(),
                    orDefault(response.paymentResultCode(), "ORDER_IS_CLOSED"), response.paymentResultMessage(),
                    AdvisedAction.RETRY_WITH_NEW_REQUEST_ID));
            case PROCESSING, PENDING -> new InquiryResult.Answered(new AuthorizationResult.InProcess(
                    response.paymentId(), response.redirectActionForm() == null ? null
                            : response.redirectActionForm().redirectUrl(), null, null));
            case UNRECOGNIZED -> new InquiryResult.Unresolved("inquiry answered an unrecognized paymentStatus");
        };
    }

    private static String orDefault(String code, String fallback) {
        return code == null || code.isBlank() || "SUCCESS".equals(code) ? fallback : code;
    }
}
