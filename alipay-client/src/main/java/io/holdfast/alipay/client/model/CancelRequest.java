package io.holdfast.alipay.client.model;

/**
 * Body of {@code POST /v1/payments/cancel} (reference 4). One of the ids is required; if both are sent,
 * {@code paymentId} wins. Repeating a cancel never cancels twice.
 */
public record CancelRequest(String paymentId, String paymentRequestId, String merchantAccountId) {

    public static CancelRequest byPaymentId(String paymentId) {
        return new CancelRequest(paymentId, null, null);
    }

    public static CancelRequest byPaymentRequestId(String paymentRequestId) {
        return new CancelRequest(null, paymentRequestId, null);
    }
}
