package io.holdfast.authorization.adapter.kafka;

import io.holdfast.messaging.consumer.PermanentRecordException;

/**
 * A command was refused (CommandRejected already emitted through the outbox); thrown so the error handler keeps
 * the record on the dead-letter topic. Never retried.
 */
public class RejectedCommandException extends PermanentRecordException {

    private static final long serialVersionUID = 1L;

    public RejectedCommandException(String message) {
        super(message);
    }
}
