package io.holdfast.capture.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Applies what Antom said about a refund to its attempt and the payment's refund position. A final word (S or F)
 * settles or releases the pending amount once; a repeat of it, or anything after it, changes nothing. A result that
 * is not final schedules the next inquiryRefund on Antom's backoff for U results (antom-refunds.md 2: 2 min, 10 min,
 * 10 min, 1 h, then hourly).
 */
public final class RefundOutcomes {

    /** The default backoff between inquiries of a refund that is not final; the last step repeats. */
    public static final List<Duration> DEFAULT_BACKOFF = List.of(Duration.ofMinutes(2), Duration.ofMinutes(10),
            Duration.ofMinutes(10), Duration.ofHours(1));

    private final List<Duration> backoff;

    public RefundOutcomes(List<Duration> backoff) {
        if (backoff.isEmpty()) {
            throw new IllegalArgumentException("the refund inquiry backoff needs at least one step");
        }
        this.backoff = List.copyOf(backoff);
    }

    /**
     * The attempt and position after {@code result}, and what to publish.
     *
     * @param changed false when the result changed nothing (a final attempt, or a stale answer)
     */
    public record Transition(RefundAttempt attempt, RefundTotals totals, List<RefundEvent> events, boolean changed) {
    }

    public Transition apply(RefundAttempt attempt, RefundTotals totals, RefundResult result, Instant now) {
        if (attempt.status().isFinal()) {
            return new Transition(attempt, totals, List.of(), false);
        }
        long amount = attempt.amount().valueMinor();
        if (result instanceof RefundResult.Succeeded s) {
            RefundAttempt next = attempt.succeeded(s.refundId(), s.refundedAt() != null ? s.refundedAt() : now);
            RefundTotals after = totals.settle(amount);
            return new Transition(next, after, List.of(new RefundEvent.Succeeded(attempt.paymentRequestId(),
                    attempt.paymentId(), attempt.refundRequestId(), next.refundId(), attempt.amount(),
                    next.refundedAt(), after)), true);
        }
        if (result instanceof RefundResult.Failed f) {
            RefundAttempt next = attempt.failed(f.code(), f.message(), f.advice());
            RefundTotals after = totals.release(amount);
            return new Transition(next, after, List.of(new RefundEvent.Failed(attempt.paymentRequestId(),
                    attempt.paymentId(), attempt.refundRequestId(), attempt.amount(), f.code(), f.message(),
                    f.advice(), after)), true);
        }
        if (result instanceof RefundResult.InProcess p) {
            return notFinal(attempt, totals, attempt.pending(p.refundId(), now.plus(delay(attempt)),
                    nextCount(attempt)));
        }
        // Unknown, or NotFound after a resend that was not answered either: ask again later
        return notFinal(attempt, totals, attempt.status() == RefundStatus.PENDING
                ? attempt.pending(null, now.plus(delay(attempt)), nextCount(attempt))
                : attempt.unknown(now.plus(delay(attempt)), nextCount(attempt)));
    }

    /** The first word that the refund was sent publishes RefundRequested (the amount is pending). */
    private static Transition notFinal(RefundAttempt before, RefundTotals totals, RefundAttempt next) {
        List<RefundEvent> events = before.status() == RefundStatus.REQUESTED
                ? List.of(new RefundEvent.Requested(before.paymentRequestId(), before.paymentId(),
                        before.refundRequestId(), next.refundId(), before.captureId(), before.amount(),
                        before.reason(), totals))
                : List.of();
        return new Transition(next, totals, events, true);
    }

    /** The wait before the next inquiry: the n-th step after n inquiries (none yet after the first answer). */
    private Duration delay(RefundAttempt attempt) {
        return backoff.get(Math.min(nextCount(attempt), backoff.size() - 1));
    }

    private static int nextCount(RefundAttempt attempt) {
        return attempt.status() == RefundStatus.REQUESTED ? 0 : attempt.inquiries() + 1;
    }
}
