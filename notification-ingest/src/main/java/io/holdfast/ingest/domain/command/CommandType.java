package io.holdfast.ingest.domain.command;

import io.holdfast.ingest.domain.merchant.Scope;

/** The merchant commands the edge takes over HTTP, each at {@code POST /v1/payments/{paymentRequestId}/<segment>}. */
public enum CommandType {
    /** Authorize a card payment (Antom pay). */
    AUTHORIZE("authorize", Scope.PAYMENTS_AUTHORIZE),
    /** Void an uncaptured authorization (Antom cancel). */
    CANCEL("cancel", Scope.PAYMENTS_CANCEL),
    /** Capture a MANUAL authorization for exactly the authorized amount. */
    CAPTURE("capture", Scope.PAYMENTS_CAPTURE),
    /** Refund (part of) a captured payment; several refunds up to the captured amount. */
    REFUND("refunds", Scope.PAYMENTS_REFUND);

    private final String segment;
    private final Scope scope;

    CommandType(String segment, Scope scope) {
        this.segment = segment;
        this.scope = scope;
    }

    public String segment() {
        return segment;
    }

    /** The scope a merchant's key needs to issue it. */
    public Scope scope() {
        return scope;
    }
}
