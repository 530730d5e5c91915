package io.holdfast.authorization.domain;

/** Antom captureMode: AUTOMATIC (Antom captures at once) or MANUAL (capture within 7 days). */
public enum CaptureMode {
    AUTOMATIC,
    MANUAL
}
