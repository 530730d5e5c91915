package io.holdfast.authorization.domain;

import java.util.Objects;

/**
 * An accepted AuthorizePayment, as the aggregate keeps it.
 *
 * @param fingerprint a digest of the command's content: a second authorize with the same paymentRequestId and a
 *     different fingerprint conflicts
 * @param deadlinePolicy may be null (the capture-service's default applies)
 */
public record NewPayment(String paymentRequestId, String merchantId, Money amount, CaptureMode captureMode,
        DeadlinePolicy deadlinePolicy, String fingerprint) {

    public NewPayment {
        Objects.requireNonNull(paymentRequestId, "paymentRequestId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(captureMode, "captureMode");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}
