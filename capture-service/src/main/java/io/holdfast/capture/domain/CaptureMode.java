package io.holdfast.capture.domain;

/** Antom's capture mode of an authorization. */
public enum CaptureMode {
    /** Antom captures right after the authorization and reports it by notifyCapture. */
    AUTOMATIC,
    /** The merchant (or the deadline guardian) must capture before the authorization's deadline. */
    MANUAL
}
