package io.holdfast.view.domain;

import java.time.Instant;
import java.util.Map;

/**
 * Reads a {@link Fact} from an event payload given as its type's simple name and a map of its fields (records as
 * maps, enums and strings as strings, timestamps as ISO-8601 strings, longs as numbers) — the shape both the Kafka
 * adapter and the stored JSON rendering give. A type not listed here is {@link Fact.Kind#UNKNOWN}.
 */
public final class Facts {

    private Facts() {
    }

    public static Fact of(String type, Map<String, Object> p) {
        switch (type) {
            case "PaymentAuthorized":
                Map<String, Object> card = map(p, "card");
                return Fact.authorized(str(p, "paymentId"), money(p, "amount"),
                        new Fact.Terms(str(p, "captureMode"), instant(p, "authExpiryTime"), str(p, "deadlinePolicy")),
                        card == null ? null : CardSummary.of(str(card, "maskedCardNo"), str(card, "cardBrand")));
            case "PaymentActionRequired":
                return new Fact(Fact.Kind.ACTION_REQUIRED, str(p, "paymentId"), null, Fact.Terms.NONE, null, null);
            case "PaymentDeclined":
                return Fact.of(Fact.Kind.DECLINED);
            case "AuthorizationCancelled":
                return Fact.of(Fact.Kind.CANCELLED);
            case "CancelFailed":
                return Fact.of(Fact.Kind.CANCEL_FAILED);
            case "CaptureScheduled":
                return Fact.withAmount(Fact.Kind.CAPTURE_SCHEDULED, str(p, "paymentId"), money(p, "amount"),
                        instant(p, "deadline"));
            case "CaptureSucceeded":
                return Fact.withAmount(Fact.Kind.CAPTURE_SUCCEEDED, str(p, "paymentId"), money(p, "amount"), null);
            case "CaptureFailed":
                return Fact.withAmount(Fact.Kind.CAPTURE_FAILED, str(p, "paymentId"), money(p, "amount"), null);
            case "CaptureDeadlineApproaching":
                return Fact.deadline(Fact.Kind.DEADLINE_APPROACHING, str(p, "paymentId"), instant(p, "deadline"),
                        str(p, "policy"));
            case "AuthorizationExpired":
                return Fact.deadline(Fact.Kind.EXPIRED, str(p, "paymentId"), instant(p, "deadline"), null);
            case "DeadlinePolicyChanged":
                return Fact.deadline(Fact.Kind.POLICY_CHANGED, str(p, "paymentId"), instant(p, "deadline"),
                        str(p, "policy"));
            case "RefundRequested":
                return Fact.refund(Fact.Kind.REFUND_REQUESTED, str(p, "paymentId"), totals(p));
            case "RefundSucceeded":
                return Fact.refund(Fact.Kind.REFUND_SUCCEEDED, str(p, "paymentId"), totals(p));
            case "RefundFailed":
                return Fact.refund(Fact.Kind.REFUND_FAILED, str(p, "paymentId"), totals(p));
            case "CommandRejected":
                return Fact.of(Fact.Kind.COMMAND_REJECTED);
            default:
                // a newer schema's event: kept in the timeline by its type name, changes no field
                return Fact.of(Fact.Kind.UNKNOWN);
        }
    }

    private static RefundTotals totals(Map<String, Object> p) {
        Map<String, Object> t = map(p, "totals");
        if (t == null) {
            return null;
        }
        return new RefundTotals(minor(t, "captured"), minor(t, "refunded"), minor(t, "pending"),
                minor(t, "refundable"));
    }

    private static long minor(Map<String, Object> p, String field) {
        Money m = money(p, field);
        return m == null ? 0 : m.valueMinor();
    }

    private static Money money(Map<String, Object> p, String field) {
        Map<String, Object> m = map(p, field);
        if (m == null || !(m.get("valueMinor") instanceof Number n)) {
            return null;
        }
        return new Money(n.longValue(), str(m, "currency"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> p, String field) {
        return p.get(field) instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    private static String str(Map<String, Object> p, String field) {
        Object v = p.get(field);
        return v == null ? null : v.toString();
    }

    private static Instant instant(Map<String, Object> p, String field) {
        Object v = p.get(field);
        if (v instanceof Number n) {
            return Instant.ofEpochMilli(n.longValue());
        }
        return v == null ? null : Instant.parse(v.toString());
    }
}
