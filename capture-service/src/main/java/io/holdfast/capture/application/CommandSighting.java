package io.holdfast.capture.application;

/** What the inbox says about a command's id, compared by content fingerprint (see {@link Inbox#recordCommand}). */
public enum CommandSighting {
    /** Never seen: recorded now, the command is to be handled. */
    FIRST,
    /** Seen with the same content (or before fingerprints were kept): a redelivery, a silent no-op. */
    REDELIVERY,
    /** Seen with other content: refused with {@code CommandRejected(DUPLICATE_COMMAND_ID_CONFLICT)}, never dropped. */
    CONFLICT
}
