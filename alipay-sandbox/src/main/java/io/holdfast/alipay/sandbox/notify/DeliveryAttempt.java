package io.holdfast.alipay.sandbox.notify;

import java.time.Instant;

/**
 * One POST of a notification.
 *
 * @param number 1..8
 * @param dueAt when the schedule made it due (sandbox clock)
 * @param sentAt when it was sent (sandbox clock)
 * @param requestTime the {@code request-time} header it was signed with (fresh for every attempt)
 * @param httpStatus the merchant's status, null without an answer
 * @param responseBody the first 512 characters of the merchant's answer, or the error for NO_ANSWER
 * @param outcome how it ended
 */
public record DeliveryAttempt(int number, Instant dueAt, Instant sentAt, String requestTime, Integer httpStatus,
        String responseBody, AttemptOutcome outcome) {
}
