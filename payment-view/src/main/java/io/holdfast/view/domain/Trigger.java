package io.holdfast.view.domain;

/** The events that move a payment's status (the other events change fields only). */
public enum Trigger {
    ACTION_REQUIRED, AUTHORIZED, DECLINED, CANCELLED, CAPTURE_SCHEDULED, CAPTURED, CAPTURE_FAILED, EXPIRED,
    PARTIALLY_REFUNDED, FULLY_REFUNDED
}
