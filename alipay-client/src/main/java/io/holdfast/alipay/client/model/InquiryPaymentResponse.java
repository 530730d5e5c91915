package io.holdfast.alipay.client.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.List;

/**
 * Response of inquiryPayment. {@code result} describes the inquiry call only; {@code paymentStatus},
 * {@code paymentResultCode} and {@code transactions} describe the payment and its captures.
 *
 * @param authExpiryTime also read from the 2024 doc spelling {@code authExpirytime}
 * @param transactions never null: Antom omits the field, or sends {@code null}, when there are none
 */
public record InquiryPaymentResponse(Result result, PaymentStatus paymentStatus, String paymentResultCode,
        String paymentResultMessage, String paymentRequestId, String paymentId, Amount paymentAmount,
        String paymentCreateTime, String paymentTime, @JsonAlias("authExpirytime") String authExpiryTime,
        RedirectActionForm redirectActionForm, PaymentResultInfo paymentResultInfo, CardInfo cardInfo,
        List<Transaction> transactions, String acquirerReferenceNo, String paymentMethodType)
        implements AlipayResponse {

    public InquiryPaymentResponse {
        transactions = transactions == null ? List.of() : transactions;
    }

    @Override
    public RedirectUrls redirectUrls() {
        return RedirectUrls.of(null, null, null, redirectActionForm);
    }
}
