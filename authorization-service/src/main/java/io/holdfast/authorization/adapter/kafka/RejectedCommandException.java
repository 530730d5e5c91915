package io.holdfast.authorization.adapter.kafka;

/**
 * A command was refused (CommandRejected already emitted through the outbox); thrown so the error handler keeps
 * the record on the dead-letter topic. Never retried.
 */
public class RejectedCommandException extends RuntimeException {

    public RejectedCommandException(String message) {
        super(message);
    }
}
