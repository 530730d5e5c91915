package io.holdfast.messaging.inbox;

/** What the inbox knew of a command id when it was recorded. */
public enum InboxSighting {
    /** Never seen: recorded now, with its fingerprint. */
    FIRST,
    /** Seen with the same fingerprint (or with none, recorded before fingerprints were kept): a redelivery. */
    REDELIVERY,
    /** Seen with another fingerprint: the same commandId for other content. */
    CONFLICT
}
