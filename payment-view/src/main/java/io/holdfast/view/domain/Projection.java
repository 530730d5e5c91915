package io.holdfast.view.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Folds a payment's timeline into its row. The timeline is deduplicated by eventId and ordered by occurrence (ties
 * by lifecycle rank, then eventId), so the row is the same whatever order and however often the events arrived: a
 * redelivery, a duplicate or a late event changes nothing but where it belongs.
 */
public final class Projection {

    /** The fold's order: occurrence, then lifecycle rank for events of the same millisecond, then eventId. */
    public static final Comparator<TimelineEntry> ORDER = Comparator.comparing(TimelineEntry::occurredAt)
            .thenComparingInt(e -> rank(e.fact()))
            .thenComparing(TimelineEntry::eventId);

    private Projection() {
    }

    /** The timeline as shown: one entry per eventId, in {@link #ORDER}. */
    public static List<TimelineEntry> ordered(List<TimelineEntry> timeline) {
        Map<String, TimelineEntry> unique = new LinkedHashMap<>();
        timeline.forEach(e -> unique.putIfAbsent(e.eventId(), e));
        List<TimelineEntry> sorted = new ArrayList<>(unique.values());
        sorted.sort(ORDER);
        return sorted;
    }

    /** The row for a non-empty timeline of one payment. */
    public static PaymentView fold(List<TimelineEntry> timeline) {
        List<TimelineEntry> sorted = ordered(timeline);
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("an empty timeline has no row");
        }
        Row row = new Row(sorted.get(0).envelope().paymentRequestId(), sorted.get(0).occurredAt());
        sorted.forEach(row::apply);
        return row.view();
    }

    private static int rank(Fact fact) {
        return switch (fact.kind()) {
            case ACTION_REQUIRED -> 0;
            case AUTHORIZED, DECLINED -> 1;
            case POLICY_CHANGED, DEADLINE_APPROACHING -> 2;
            case CAPTURE_SCHEDULED -> 3;
            case CAPTURE_FAILED, CANCEL_FAILED -> 4;
            case CAPTURE_SUCCEEDED, CANCELLED, EXPIRED -> 5;
            case REFUND_REQUESTED, REFUND_SUCCEEDED, REFUND_FAILED -> 6;
            case COMMAND_REJECTED -> 7;
            case UNKNOWN -> 8;
        };
    }

    /** The fold's accumulator (private to the fold: the result is the immutable {@link PaymentView}). */
    private static final class Row {

        private final String paymentRequestId;
        private final Instant createdAt;
        private String paymentId;
        private String merchantId;
        private ViewStatus status = ViewStatus.PENDING;
        private Money amount;
        private String captureMode;
        private CardSummary card;
        private Instant deadline;
        private String policy;
        private int warnings;
        private RefundTotals refunds;
        private Instant updatedAt;

        Row(String paymentRequestId, Instant createdAt) {
            this.paymentRequestId = paymentRequestId;
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
        }

        void apply(TimelineEntry entry) {
            TimelineEntry.Envelope envelope = entry.envelope();
            Fact fact = entry.fact();
            paymentId = envelope.paymentId() != null ? envelope.paymentId() : paymentId;
            paymentId = fact.paymentId() != null ? fact.paymentId() : paymentId;
            // the owner is the merchant of the events about the payment; a rejection is addressed to its sender
            if (fact.kind() != Fact.Kind.COMMAND_REJECTED && envelope.merchantId() != null) {
                merchantId = envelope.merchantId();
            }
            updatedAt = entry.occurredAt().isAfter(updatedAt) ? entry.occurredAt() : updatedAt;
            fields(fact);
            trigger(fact).ifPresent(t -> ViewTransitions.next(status, t).ifPresent(s -> status = s));
        }

        private void fields(Fact fact) {
            Fact.Terms terms = fact.terms();
            switch (fact.kind()) {
                case AUTHORIZED -> {
                    amount = fact.amount();
                    captureMode = terms.captureMode();
                    deadline = terms.deadline();
                    policy = terms.policy();
                    card = fact.card();
                }
                case CAPTURE_SCHEDULED -> {
                    amount = amount != null ? amount : fact.amount();
                    deadline = terms.deadline();
                }
                case CAPTURE_SUCCEEDED -> {
                    amount = amount != null ? amount : fact.amount();
                    refunds = refunds != null ? refunds : RefundTotals.none(fact.amount().valueMinor());
                }
                case DEADLINE_APPROACHING -> {
                    warnings++;
                    deadline = terms.deadline();
                    policy = terms.policy();
                }
                case POLICY_CHANGED -> {
                    policy = terms.policy();
                    deadline = terms.deadline();
                }
                case EXPIRED -> deadline = terms.deadline() != null ? terms.deadline() : deadline;
                case REFUND_REQUESTED, REFUND_SUCCEEDED, REFUND_FAILED -> refunds = fact.totals();
                case ACTION_REQUIRED, DECLINED, CANCELLED, CANCEL_FAILED, CAPTURE_FAILED -> {
                    // status only
                }
                case COMMAND_REJECTED, UNKNOWN -> {
                    // timeline only: a rejection or a newer event type never breaks the row
                }
            }
        }

        private static Optional<Trigger> trigger(Fact fact) {
            Trigger t = switch (fact.kind()) {
                case ACTION_REQUIRED -> Trigger.ACTION_REQUIRED;
                case AUTHORIZED -> Trigger.AUTHORIZED;
                case DECLINED -> Trigger.DECLINED;
                case CANCELLED -> Trigger.CANCELLED;
                case CAPTURE_SCHEDULED -> Trigger.CAPTURE_SCHEDULED;
                case CAPTURE_SUCCEEDED -> Trigger.CAPTURED;
                case CAPTURE_FAILED -> Trigger.CAPTURE_FAILED;
                case EXPIRED -> Trigger.EXPIRED;
                case REFUND_SUCCEEDED -> fact.totals().fullyRefunded() ? Trigger.FULLY_REFUNDED
                        : Trigger.PARTIALLY_REFUNDED;
                case REFUND_REQUESTED, REFUND_FAILED, DEADLINE_APPROACHING, POLICY_CHANGED, CANCEL_FAILED,
                        COMMAND_REJECTED, UNKNOWN -> null;
            };
            return Optional.ofNullable(t);
        }

        PaymentView view() {
            return new PaymentView(new PaymentView.Ids(paymentRequestId, paymentId, merchantId), status, amount,
                    captureMode, card, new PaymentView.Deadline(deadline, policy, warnings), refunds,
                    new PaymentView.Times(createdAt, updatedAt));
        }
    }
}
