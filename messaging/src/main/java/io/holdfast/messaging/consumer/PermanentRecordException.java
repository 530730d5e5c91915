package io.holdfast.messaging.consumer;

/**
 * A record that can never succeed, however often it is retried: rejected by validation, not the payment's owner, a
 * command that conflicts with an earlier one. The consumer error policy dead-letters it at once (after the service
 * has committed its {@code CommandRejected}, where the record was a command) and the partition moves on.
 *
 * <p>Every other exception is treated as transient (see {@link RecordFailures}): a service throws a subclass of this
 * only when it knows that nothing — no restart, no recovered database, no redeploy — can make the record succeed.
 */
public abstract class PermanentRecordException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected PermanentRecordException(String message) {
        super(message);
    }

    protected PermanentRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
