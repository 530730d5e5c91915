package io.holdfast.alipay.sandbox.notify;

/** Where a notification delivery stands. */
public enum DeliveryStatus {
    /** Waiting for its next attempt to fall due on the sandbox clock. */
    PENDING,
    /** Held back by a reorder fault until a later notification has been attempted. */
    HELD,
    /** An attempt is on the wire. */
    IN_FLIGHT,
    /** The merchant answered with the exact success acknowledgement. */
    DELIVERED,
    /** All eight attempts were made without an acknowledgement. */
    EXHAUSTED,
    /** Never sent, by a drop fault: Antom's notification lost for good; only an inquiry finds the result. */
    DROPPED
}
