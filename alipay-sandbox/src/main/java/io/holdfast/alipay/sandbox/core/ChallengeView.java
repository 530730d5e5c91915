package io.holdfast.alipay.sandbox.core;

/**
 * What the 3DS challenge page shows about a payment.
 *
 * @param paymentId Antom's id
 * @param amount the amount to authenticate
 * @param maskedCard the card, masked
 * @param waiting true while the challenge can still be answered
 * @param status inquiry paymentStatus
 * @param redirectUrl the merchant's paymentRedirectUrl
 */
public record ChallengeView(String paymentId, Amount amount, String maskedCard, boolean waiting, String status,
        String redirectUrl) {
}
