package io.holdfast.alipay.sandbox.core;

/**
 * The validated parts of a pay request the sandbox keeps.
 *
 * @param clientId merchant client
 * @param paymentRequestId merchant's idempotency key
 * @param amount paymentAmount
 * @param card the card paid with (from the request or from the card token)
 * @param paymentMethodId the card token paid with, or null for a raw card
 * @param manualCapture captureMode MANUAL
 * @param tokenize paymentMethodMetaData.tokenize
 * @param referenceOrderId order.referenceOrderId
 * @param redirectUrl paymentRedirectUrl
 * @param notifyUrl paymentNotifyUrl or the client's default, may be null
 */
public record PaymentRequest(
        String clientId,
        String paymentRequestId,
        Amount amount,
        Card card,
        String paymentMethodId,
        boolean manualCapture,
        boolean tokenize,
        String referenceOrderId,
        String redirectUrl,
        String notifyUrl) {

    /** What idempotency compares besides the id: amount, currency and the payment method. */
    public boolean sameKeyFields(PaymentRequest other) {
        return amount.equals(other.amount)
                && card.number().equals(other.card.number())
                && java.util.Objects.equals(paymentMethodId, other.paymentMethodId);
    }
}
