package io.holdfast.capture.application;

/**
 * The row changed between read and write (another replica or the scheduler won). Thrown from message handlers so
 * the transaction, inbox entry included, rolls back and the message is redelivered against the fresh row.
 */
public class StaleRowException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StaleRowException(String paymentRequestId) {
        super("capture_schedule row changed concurrently: " + paymentRequestId);
    }
}
