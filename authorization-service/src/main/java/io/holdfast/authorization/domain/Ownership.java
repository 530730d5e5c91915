package io.holdfast.authorization.domain;

import java.util.Objects;

/**
 * Who may act on a payment: only the merchant that created it. A command's {@code merchantId} must equal the stored
 * payment's exactly, whatever path the command came by (the edge, a merchant's own Kafka producer, the deadline
 * guardian, which copies the payment's merchantId onto its CancelPayment).
 *
 * <p>The absent merchant is a value like any other: a payment created without a merchantId (a single-merchant
 * deployment) is owned by commands without one ({@code null == null}); a command without a merchantId does
 * <em>not</em> own a payment that has one, and a command with a merchantId does not own a payment without one.
 * Reading a missing merchantId as "anyone" would let any producer on {@code payments.commands} act on every
 * merchant's payments, so the safe reading is to refuse.
 */
public final class Ownership {

    private Ownership() {
    }

    /** True when a command from {@code commandMerchantId} may act on a payment of {@code paymentMerchantId}. */
    public static boolean owns(String paymentMerchantId, String commandMerchantId) {
        return Objects.equals(paymentMerchantId, commandMerchantId);
    }

    /** The rejection message; it never names the owner (the rejection goes to the sender). */
    public static String notOwnerMessage(String paymentRequestId, String commandMerchantId) {
        return "payment " + paymentRequestId + " does not belong to merchant "
                + (commandMerchantId == null ? "(none)" : commandMerchantId);
    }
}
