package io.holdfast.capture.config;

import io.holdfast.capture.domain.RefundOutcomes;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code holdfast.capture.refunds.*}: how refunds that are not final are reconciled.
 *
 * @param sendLease how long a new refund is left to its immediate send before the reconciler takes it over (on the
 *     injected clock; longer than the Antom request timeout)
 * @param claimLease how long a claim keeps other replicas off a refund
 * @param batch refunds claimed per pass
 * @param pollInterval real-time pause between two reconciliation passes
 * @param inquiryBackoff the waits between inquiryRefund calls of a refund that is not final; the last repeats
 *     (default Antom's advice for U results: 2 min, 10 min, 10 min, 1 h)
 * @param unfinishedAfter how long after it was requested a refund that is still not final (REQUESTED, PENDING,
 *     UNKNOWN) counts in the gauge {@code holdfast.capture.refunds.unfinished} (default 1 h: by then it was sent and
 *     inquired about three times; one still open is not finishing by itself — an alert in deploy watches the gauge)
 */
@ConfigurationProperties("holdfast.capture.refunds")
public record RefundProperties(Duration sendLease, Duration claimLease, Integer batch, Duration pollInterval,
        List<Duration> inquiryBackoff, Duration unfinishedAfter) {

    public RefundProperties {
        sendLease = sendLease == null ? Duration.ofSeconds(30) : sendLease;
        claimLease = claimLease == null ? Duration.ofMinutes(1) : claimLease;
        batch = batch == null ? 20 : batch;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        inquiryBackoff = inquiryBackoff == null || inquiryBackoff.isEmpty() ? RefundOutcomes.DEFAULT_BACKOFF
                : List.copyOf(inquiryBackoff);
        unfinishedAfter = unfinishedAfter == null ? Duration.ofHours(1) : unfinishedAfter;
    }
}
