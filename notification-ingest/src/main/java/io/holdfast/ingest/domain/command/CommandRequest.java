package io.holdfast.ingest.domain.command;

/**
 * A validated merchant request before it becomes a {@link MerchantCommand}: an authorize whose card may still be raw,
 * a cancel, or a capture.
 */
public sealed interface CommandRequest permits PendingAuthorize, CommandPayload.Cancel, CommandPayload.Capture,
        CommandPayload.Refund {

    CommandType type();
}
