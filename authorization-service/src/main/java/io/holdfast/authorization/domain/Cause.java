package io.holdfast.authorization.domain;

import java.util.Objects;

/**
 * Why something happened, for the timeline and for the events' causationId.
 *
 * @param kind where the fact came from
 * @param causationId the commandId, notificationId, or the request id of our own call
 * @param detail a short explanation (never card data)
 */
public record Cause(Kind kind, String causationId, String detail) {

    public Cause {
        Objects.requireNonNull(kind, "kind");
    }

    /** Where a fact came from. */
    public enum Kind {
        COMMAND,
        PAY_RESPONSE,
        NOTIFICATION,
        INQUIRY,
        CANCEL_RESPONSE,
        RECONCILER
    }
}
