package io.holdfast.authorization.domain;

import java.time.Instant;

/**
 * One entry of a payment's timeline. The first entry of every payment has no {@code from} and no {@code trigger}:
 * it is the write-ahead attempt.
 */
public record Transition(PaymentStatus from, PaymentStatus to, PaymentTrigger trigger, Cause cause, Instant at) {
}
