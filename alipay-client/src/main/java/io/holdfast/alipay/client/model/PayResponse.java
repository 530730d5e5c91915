package io.holdfast.alipay.client.model;

/**
 * Response of pay (reference 3.2). With {@code PAYMENT_IN_PROCESS} at least one of {@code normalUrl},
 * {@code schemeUrl}, {@code applinkUrl} (or a {@code redirectActionForm}) says where to send the buyer (3DS).
 *
 * @param authExpiryTime ISO-8601: the authorization cannot be captured after it
 */
public record PayResponse(Result result, String paymentRequestId, String paymentId, Amount paymentAmount,
        String paymentCreateTime, String paymentTime, String authExpiryTime, String normalUrl, String schemeUrl,
        String applinkUrl, String appIdentifier, RedirectActionForm redirectActionForm,
        PaymentResultInfo paymentResultInfo) implements AlipayResponse {

    @Override
    public RedirectUrls redirectUrls() {
        return RedirectUrls.of(normalUrl, schemeUrl, applinkUrl, redirectActionForm);
    }
}
