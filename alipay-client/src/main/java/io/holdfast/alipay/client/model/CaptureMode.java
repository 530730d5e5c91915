package io.holdfast.alipay.client.model;

/** {@code paymentFactor.captureMode}. Antom captures automatically when it is absent. */
public enum CaptureMode {
    /** Antom captures right after a successful authorization and still sends notifyCapture. */
    AUTOMATIC,
    /** The merchant must call capture, within the authorization's validity (7 days, see authExpiryTime). */
    MANUAL
}
