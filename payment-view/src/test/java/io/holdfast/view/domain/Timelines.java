package io.holdfast.view.domain;

import java.time.Instant;
import java.util.Map;

/** Fixtures: timeline entries of one payment, built from payload maps as the adapters give them. */
final class Timelines {

    static final Instant T0 = Instant.parse("2026-04-06T08:00:00Z");

    private Timelines() {
    }

    static TimelineEntry event(String eventId, String prId, Instant at, String type, Map<String, Object> payload) {
        return new TimelineEntry(new TimelineEntry.Envelope(eventId, prId, "pay-" + prId, "acme", at, null), type,
                "{}", Facts.of(type, payload));
    }

    static Map<String, Object> money(long minor) {
        return Map.of("valueMinor", minor, "currency", "USD");
    }

    static TimelineEntry authorized(String eventId, String prId, Instant at, Instant deadline) {
        return event(eventId, prId, at, "PaymentAuthorized", Map.of("paymentId", "pay-" + prId, "amount",
                money(1250), "captureMode", "MANUAL", "authorizedAt", at.toString(), "authExpiryTime",
                deadline.toString(), "deadlinePolicy", "CAPTURE",
                "card", Map.of("maskedCardNo", "405469******0768", "cardBrand", "VISA")));
    }

    static TimelineEntry captured(String eventId, String prId, Instant at) {
        return event(eventId, prId, at, "CaptureSucceeded", Map.of("paymentId", "pay-" + prId, "amount", money(1250),
                "captureRequestId", "c-" + prId, "capturedAt", at.toString(), "captureMode", "MANUAL"));
    }

    static TimelineEntry warning(String eventId, String prId, Instant at, Instant deadline) {
        return event(eventId, prId, at, "CaptureDeadlineApproaching", Map.of("paymentId", "pay-" + prId,
                "amount", money(1250), "deadline", deadline.toString(), "offsetMillis", 3_600_000L,
                "policy", "CAPTURE"));
    }

    static TimelineEntry refunded(String eventId, String prId, Instant at, long refunded) {
        return event(eventId, prId, at, "RefundSucceeded", Map.of("paymentId", "pay-" + prId, "refundRequestId",
                "r-" + eventId, "amount", money(refunded), "refundedAt", at.toString(), "totals",
                Map.of("captured", money(1250), "refunded", money(refunded), "pending", money(0),
                        "refundable", money(1250 - refunded))));
    }
}
