package io.holdfast.capture.domain;

import java.util.Objects;

/**
 * Who may capture an authorization: only the merchant it belongs to. A CapturePayment's {@code merchantId} must equal
 * the one {@code PaymentAuthorized} carried, exactly, whatever path the command came by.
 *
 * <p>The absent merchant is a value like any other: an authorization without a merchantId (a single-merchant
 * deployment) is owned by commands without one ({@code null == null}); a command without a merchantId does
 * <em>not</em> own an authorization that has one, and a command with a merchantId does not own one without. Reading
 * a missing merchantId as "anyone" would let any producer on {@code payments.commands} capture every merchant's
 * authorizations, so the safe reading is to refuse.
 */
public final class Ownership {

    private Ownership() {
    }

    /** True when a command from {@code commandMerchantId} may act on an authorization of {@code paymentMerchantId}. */
    public static boolean owns(String paymentMerchantId, String commandMerchantId) {
        return Objects.equals(paymentMerchantId, commandMerchantId);
    }

    /**
     * The rejection of a command from a merchant that does not own the authorization. It is addressed to the sender
     * and reveals nothing of the owner's payment (no paymentId, no owner's merchantId).
     */
    public static CaptureEvent.CommandRejected notOwner(CaptureRequest request, String commandMerchantId) {
        return new CaptureEvent.CommandRejected(request.paymentRequestId(), null, request.commandId(),
                RejectionReason.NOT_PAYMENT_OWNER, "merchantId", "payment " + request.paymentRequestId()
                        + " does not belong to merchant " + (commandMerchantId == null ? "(none)" : commandMerchantId));
    }
}
