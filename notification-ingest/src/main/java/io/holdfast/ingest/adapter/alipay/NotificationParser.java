package io.holdfast.ingest.adapter.alipay;

import io.holdfast.alipay.client.model.AlipayTimes;
import io.holdfast.alipay.client.model.CaptureResultNotification;
import io.holdfast.alipay.client.model.PaymentResultNotification;
import io.holdfast.alipay.client.model.RefundResultNotification;
import io.holdfast.ingest.domain.CardFacts;
import io.holdfast.ingest.domain.Money;
import io.holdfast.ingest.domain.notification.NotificationKind;
import io.holdfast.ingest.domain.notification.NotificationPayload;
import io.holdfast.ingest.domain.notification.RejectionReason;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads a verified notification body into its domain payload, field by field, so a missing required field is named
 * in the refusal (reference 7.1-7.3). It runs after {@link NotificationRules}, so every value it reads already keeps
 * Antom's field rules (a datetime that does not parse was refused there).
 */
final class NotificationParser {

    private static final Set<String> PAYMENT_TYPES = Set.of(PaymentResultNotification.PAYMENT_RESULT,
            PaymentResultNotification.PAYMENT_PENDING);

    /** A body that is authentic but cannot be accepted; the message names the field, never its content. */
    static final class Unacceptable extends RuntimeException {

        private final RejectionReason reason;

        Unacceptable(RejectionReason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }

        RejectionReason reason() {
            return reason;
        }
    }

    NotificationPayload parse(NotificationKind kind, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new Unacceptable(RejectionReason.MALFORMED_BODY, "body is not a JSON object");
        }
        return switch (kindOf(body, kind)) {
            case PAYMENT -> payment(body);
            case CAPTURE -> capture(body);
            case VAULTING -> vaulting(body);
            case REFUND -> refund(body);
        };
    }

    /**
     * What the body is, whatever URL it came to. Antom sends notifyCapture, automatic captures included, to the
     * payment's {@code paymentNotifyUrl} (one URL per payment; the reference names no separate capture URL), and a
     * merchant may configure one URL for everything in the Dashboard: refusing a verified notification because of
     * the URL it arrived at would make Antom retry it for a day and lose it. The body's {@code notifyType} decides;
     * a body without one (notifyVaulting) is a vaulting result when it carries a vaultingRequestId, else the URL's
     * kind applies.
     */
    static NotificationKind kindOf(JsonNode body, NotificationKind urlKind) {
        String notifyType = optional(body, "notifyType");
        if (notifyType != null && PAYMENT_TYPES.contains(notifyType)) {
            return NotificationKind.PAYMENT;
        }
        if (CaptureResultNotification.CAPTURE_RESULT.equals(notifyType)) {
            return NotificationKind.CAPTURE;
        }
        if (RefundResultNotification.REFUND_RESULT.equals(notifyType)) {
            return NotificationKind.REFUND;
        }
        if (notifyType == null && body.hasNonNull("vaultingRequestId")) {
            return NotificationKind.VAULTING;
        }
        return urlKind;
    }

    private NotificationPayload.PaymentResult payment(JsonNode body) {
        String notifyType = required(body, "notifyType");
        if (!PAYMENT_TYPES.contains(notifyType)) {
            throw new Unacceptable(RejectionReason.UNEXPECTED_NOTIFY_TYPE,
                    "notifyType must be PAYMENT_RESULT or PAYMENT_PENDING at this URL");
        }
        JsonNode info = body.path("paymentResultInfo");
        CardFacts card = CardFacts.fromAntom(optional(info, "cardNo"), optional(info, "cardBrand"),
                optional(info, "funding"), optional(info, "issuingCountry"));
        JsonNode result = result(body);
        return new NotificationPayload.PaymentResult(notifyType, required(result, "result.resultStatus"),
                required(result, "result.resultCode"), optional(result, "resultMessage"),
                required(body, "paymentRequestId"), required(body, "paymentId"), money(body, "paymentAmount"),
                time(body, "paymentCreateTime"), time(body, "paymentTime"), time(body, "authExpiryTime"),
                card.isEmpty() ? null : card, optional(info, "cardToken"));
    }

    private NotificationPayload.CaptureResult capture(JsonNode body) {
        String notifyType = optional(body, "notifyType");
        if (notifyType != null && !CaptureResultNotification.CAPTURE_RESULT.equals(notifyType)) {
            throw new Unacceptable(RejectionReason.UNEXPECTED_NOTIFY_TYPE, "notifyType must be CAPTURE_RESULT at this URL");
        }
        JsonNode result = result(body);
        return new NotificationPayload.CaptureResult(required(result, "result.resultStatus"),
                required(result, "result.resultCode"), optional(result, "resultMessage"),
                required(body, "captureRequestId"), required(body, "paymentId"), required(body, "captureId"),
                money(body, "captureAmount"), time(body, "captureTime"), optional(body, "acquirerReferenceNo"));
    }

    private NotificationPayload.RefundResult refund(JsonNode body) {
        String notifyType = optional(body, "notifyType");
        if (notifyType != null && !RefundResultNotification.REFUND_RESULT.equals(notifyType)) {
            throw new Unacceptable(RejectionReason.UNEXPECTED_NOTIFY_TYPE, "notifyType must be REFUND_RESULT at this URL");
        }
        JsonNode result = result(body);
        return new NotificationPayload.RefundResult(required(result, "result.resultStatus"),
                required(result, "result.resultCode"), optional(result, "resultMessage"),
                required(body, "refundStatus"), required(body, "refundRequestId"), required(body, "refundId"),
                money(body, "refundAmount"), time(body, "refundTime"), optional(body, "arn"));
    }

    private NotificationPayload.VaultingResult vaulting(JsonNode body) {
        String notifyType = optional(body, "notifyType");
        if (notifyType != null && (PAYMENT_TYPES.contains(notifyType)
                || CaptureResultNotification.CAPTURE_RESULT.equals(notifyType)
                || RefundResultNotification.REFUND_RESULT.equals(notifyType))) {
            throw new Unacceptable(RejectionReason.UNEXPECTED_NOTIFY_TYPE, "notifyType " + notifyType
                    + " does not belong at the vaulting URL");
        }
        JsonNode card = body.path("paymentMethodDetail").path("card");
        String brand = optional(card, "cardBrand");
        CardFacts facts = CardFacts.fromAntom(optional(card, "maskedCardNo"), brand == null ? optional(card, "brand")
                : brand, optional(card, "funding"), optional(card, "issuingCountry"));
        JsonNode result = result(body);
        return new NotificationPayload.VaultingResult(required(result, "result.resultStatus"),
                required(result, "result.resultCode"), optional(result, "resultMessage"),
                required(body, "vaultingRequestId"), optional(card, "cardToken"), facts.isEmpty() ? null : facts);
    }

    private static JsonNode result(JsonNode body) {
        JsonNode result = body.get("result");
        if (result == null || !result.isObject()) {
            throw new Unacceptable(RejectionReason.MALFORMED_BODY, "result is required");
        }
        return result;
    }

    private static Money money(JsonNode body, String field) {
        JsonNode amount = body.get(field);
        if (amount == null || !amount.isObject()) {
            throw new Unacceptable(RejectionReason.MALFORMED_BODY, field + " is required");
        }
        String currency = required(amount, field + ".currency");
        String value = required(amount, field + ".value");
        try {
            return new Money(Long.parseLong(value.strip()), currency);
        } catch (NumberFormatException e) {
            throw new Unacceptable(RejectionReason.MALFORMED_BODY, field + ".value must be an integer in minor units");
        }
    }

    private static Instant time(JsonNode body, String field) {
        return AlipayTimes.parse(optional(body, field)).map(OffsetDateTime::toInstant).orElse(null);
    }

    /** @param path the field's JSON path for the message; its last segment is the name looked up */
    private static String required(JsonNode node, String path) {
        String value = optional(node, path.substring(path.lastIndexOf('.') + 1));
        if (value == null || value.isBlank()) {
            throw new Unacceptable(RejectionReason.MALFORMED_BODY, path + " is required");
        }
        return value;
    }

    private static String optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isString()) {
            return value.stringValue();
        }
        if (value.isValueNode()) {
            return value.asString();
        }
        throw new Unacceptable(RejectionReason.MALFORMED_BODY, field + " must be a string");
    }
}
