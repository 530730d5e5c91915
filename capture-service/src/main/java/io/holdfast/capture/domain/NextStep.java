package io.holdfast.capture.domain;

/** What the application does after persisting a {@link Decision}'s transition. */
public enum NextStep {
    /** Nothing more. */
    NONE,
    /** Send the capture (the attempt row was just persisted); check the clock against the deadline first. */
    SEND_CAPTURE,
    /** Ask Antom (inquiryPayment) what became of the capture. */
    INQUIRE
}
