package io.holdfast.alipay.sandbox.notify;

/** How one delivery attempt ended. */
public enum AttemptOutcome {
    /** HTTP 200 with {@code {"result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"}}}. */
    ACKNOWLEDGED,
    /** The merchant answered, but not with the exact acknowledgement. */
    NOT_ACKNOWLEDGED,
    /** No answer: connection refused, reset or timed out. */
    NO_ANSWER
}
