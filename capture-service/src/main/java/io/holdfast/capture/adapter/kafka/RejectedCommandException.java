package io.holdfast.capture.adapter.kafka;

import io.holdfast.messaging.consumer.PermanentRecordException;

/**
 * A command that was refused (CommandRejected already committed): not retryable, it only routes the record to the
 * dead-letter topic so the refused command is kept.
 */
final class RejectedCommandException extends PermanentRecordException {

    private static final long serialVersionUID = 1L;

    RejectedCommandException(String commandId) {
        super("command " + commandId + " rejected; kept on the dead-letter topic");
    }
}
