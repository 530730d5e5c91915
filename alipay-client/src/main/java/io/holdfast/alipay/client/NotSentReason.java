package io.holdfast.alipay.client;

/** Why a request is known not to have reached Antom; every case is safe to retry with the same request id. */
public enum NotSentReason {
    /** The TCP connection was refused. */
    CONNECTION_REFUSED,
    /** The TCP connection was not established within the connect timeout. */
    CONNECT_TIMEOUT,
    /** No route to the host. */
    NO_ROUTE_TO_HOST,
    /** The host name did not resolve. */
    UNKNOWN_HOST,
    /** TLS handshake failed (e.g. untrusted certificate); no request bytes were sent. */
    TLS_HANDSHAKE_FAILED,
    /** The request could not be serialized to JSON. */
    SERIALIZATION_FAILED,
    /** The request could not be signed (bad key). */
    SIGNING_FAILED
}
