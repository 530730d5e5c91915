package io.holdfast.alipay.client.model;

/**
 * Response of vaultPaymentMethod. With {@code VERIFICATION_IN_PROCESS} the buyer must complete 3DS at
 * {@code normalUrl}; the card token then arrives by notifyVaulting.
 */
public record VaultPaymentMethodResponse(Result result, String vaultingRequestId,
        PaymentMethodDetail paymentMethodDetail, String normalUrl, String schemeUrl, String applinkUrl)
        implements AlipayResponse {

    @Override
    public RedirectUrls redirectUrls() {
        return RedirectUrls.of(normalUrl, schemeUrl, applinkUrl, null);
    }
}
