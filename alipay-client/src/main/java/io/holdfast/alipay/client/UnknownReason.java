package io.holdfast.alipay.client;

/**
 * Why the outcome of a call is unknown: the request may or may not have been processed by Antom. An unknown
 * outcome is never a decline; resolve it by retrying with the same request id or by inquiring.
 */
public enum UnknownReason {
    /** Antom answered resultStatus U with a code such as UNKNOWN_EXCEPTION. */
    ALIPAY_RESULT_UNKNOWN,
    /** Antom answered U / REQUEST_TRAFFIC_EXCEED_LIMIT; back off, then retry with the same id. */
    RATE_LIMITED,
    /** The resultStatus was missing or a value this client does not know. */
    UNRECOGNIZED_RESULT,
    /** No complete response within the operation's timeout. */
    TIMEOUT,
    /** The connection broke after the request may have been sent. */
    CONNECTION_LOST,
    /** A non-200 HTTP status (e.g. 5xx from a gateway). */
    HTTP_STATUS,
    /** The response signature was missing, malformed or did not verify. */
    UNVERIFIED_RESPONSE,
    /** The body could not be parsed or had no {@code result}. */
    MALFORMED_RESPONSE,
    /** Any other transport failure; routed to reconciliation, never to a verdict. */
    TRANSPORT_ERROR
}
