package io.holdfast.authorization.application;

import io.holdfast.authorization.domain.PaymentStatus;
import java.time.Instant;
import java.util.Map;

/**
 * Numbers for the metrics.
 *
 * @param oldestUnknownSince when the oldest payment still owed an answer by Antom became unresolved (AUTH_PENDING,
 *     which waits for the buyer, excluded); null when there is none
 */
public record PaymentStatistics(Map<PaymentStatus, Long> countByStatus, long unknownCount, Instant oldestUnknownSince) {
}
