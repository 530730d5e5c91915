package io.holdfast.ingest.adapter.alipay;

import io.holdfast.alipay.client.model.AntomFields;
import io.holdfast.alipay.client.model.AntomFields.Violation;
import io.holdfast.ingest.domain.notification.NotificationKind;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The reference's field table applied to a verified notification body (issue 18: a signature proves who sent the
 * bytes, not that they are sane). Card data anywhere in the body is looked for first, as the body is read
 * ({@link NotificationScan}), then the fields of the body's kind, here. A missing required field or a wrong JSON
 * type is left to {@link NotificationParser}, which names it; fields we do not know are ignored (Antom adds fields),
 * except that they too may hold no card data.
 *
 * <p>Accepted on purpose, because Antom does it (reference 9, 7.1): an amount value as a JSON integer as well as a
 * digit string, offsets such as {@code +08:30} and {@code Z}, fractions of a second, resultStatus {@code U}
 * (PAYMENT_IN_PROCESS, UNKNOWN_EXCEPTION), PAYMENT_PENDING with {@code S}, a masked card number in
 * {@code paymentResultInfo.cardNo}, and a notifyVaulting without notifyType.
 */
final class NotificationRules {

    /** cardNo is String(32) (reference 9); brand and funding are short enums: the same bound for each. */
    private static final int CARD_FACT_MAX = 32;
    /** refundStatus of notifyRefund: it is sent only once the refund is final (antom-refunds.md 6). */
    private static final java.util.Set<String> REFUND_STATUSES = java.util.Set.of("SUCCESS", "FAIL");

    /** The rules of the body's kind; card data was looked for already ({@link NotificationScan}). */
    Optional<Violation> check(NotificationKind kind, JsonNode body) {
        return result(body).or(() -> switch (kind) {
            case PAYMENT -> payment(body);
            case CAPTURE -> capture(body);
            case VAULTING -> vaulting(body);
            case REFUND -> refund(body);
        });
    }

    private static Optional<Violation> result(JsonNode body) {
        JsonNode result = body.path("result");
        return AntomFields.oneOf("notifyType", text(body, "notifyType"), AntomFields.NOTIFY_TYPES)
                .or(() -> AntomFields.oneOf("result.resultStatus", text(result, "resultStatus"),
                        AntomFields.RESULT_STATUSES))
                .or(() -> AntomFields.text("result.resultCode", text(result, "resultCode"), AntomFields.RESULT_CODE_MAX))
                .or(() -> AntomFields.text("result.resultMessage", text(result, "resultMessage"),
                        AntomFields.RESULT_MESSAGE_MAX));
    }

    private static Optional<Violation> payment(JsonNode body) {
        JsonNode info = body.path("paymentResultInfo");
        return optionalId(body, "paymentRequestId")
                .or(() -> optionalId(body, "paymentId"))
                .or(() -> amount(body, "paymentAmount"))
                .or(() -> AntomFields.offsetTime("paymentCreateTime", text(body, "paymentCreateTime")))
                .or(() -> AntomFields.offsetTime("paymentTime", text(body, "paymentTime")))
                .or(() -> AntomFields.offsetTime("authExpiryTime", text(body, "authExpiryTime")))
                .or(() -> AntomFields.oneOf("paymentStatus", text(body, "paymentStatus"), AntomFields.PAYMENT_STATUSES))
                .or(() -> AntomFields.text("paymentMethodType", text(body, "paymentMethodType"),
                        AntomFields.PAYMENT_METHOD_TYPE_MAX))
                .or(() -> AntomFields.text("acquirerReferenceNo", text(body, "acquirerReferenceNo"), AntomFields.ID_MAX))
                .or(() -> AntomFields.opaque("paymentResultInfo.cardToken", text(info, "cardToken"),
                        AntomFields.CARD_TOKEN_MAX, false))
                .or(() -> cardFacts("paymentResultInfo", info, "cardNo", "cardBrand"));
    }

    private static Optional<Violation> capture(JsonNode body) {
        return optionalId(body, "captureRequestId")
                .or(() -> optionalId(body, "paymentId"))
                .or(() -> optionalId(body, "captureId"))
                .or(() -> amount(body, "captureAmount"))
                .or(() -> AntomFields.offsetTime("captureTime", text(body, "captureTime")))
                .or(() -> AntomFields.text("acquirerReferenceNo", text(body, "acquirerReferenceNo"), AntomFields.ID_MAX));
    }

    private static Optional<Violation> refund(JsonNode body) {
        return optionalId(body, "refundRequestId")
                .or(() -> optionalId(body, "refundId"))
                .or(() -> AntomFields.oneOf("refundStatus", text(body, "refundStatus"), REFUND_STATUSES))
                .or(() -> amount(body, "refundAmount"))
                .or(() -> AntomFields.offsetTime("refundTime", text(body, "refundTime")))
                .or(() -> AntomFields.text("arn", text(body, "arn"), AntomFields.ID_MAX));
    }

    private static Optional<Violation> vaulting(JsonNode body) {
        JsonNode card = body.path("paymentMethodDetail").path("card");
        return optionalId(body, "vaultingRequestId")
                .or(() -> AntomFields.offsetTime("vaultingCreateTime", text(body, "vaultingCreateTime")))
                .or(() -> AntomFields.opaque("paymentMethodDetail.card.cardToken", text(card, "cardToken"),
                        AntomFields.CARD_TOKEN_MAX, false))
                .or(() -> cardFacts("paymentMethodDetail.card", card, "maskedCardNo", "cardBrand"))
                .or(() -> AntomFields.text("paymentMethodDetail.card.brand", text(card, "brand"), CARD_FACT_MAX));
    }

    /** The masked number (reference 9: cardNo is String(32)), brand and funding, issuing country: what is published. */
    private static Optional<Violation> cardFacts(String path, JsonNode card, String number, String brand) {
        return AntomFields.text(path + "." + number, text(card, number), CARD_FACT_MAX)
                .or(() -> AntomFields.text(path + "." + brand, text(card, brand), CARD_FACT_MAX))
                .or(() -> AntomFields.text(path + ".funding", text(card, "funding"), CARD_FACT_MAX))
                .or(() -> AntomFields.region(path + ".issuingCountry", text(card, "issuingCountry")));
    }

    /** An id when present (the parser names a missing one). */
    private static Optional<Violation> optionalId(JsonNode body, String field) {
        String value = text(body, field);
        return value == null || value.isBlank() ? Optional.empty() : AntomFields.id(field, value, AntomFields.ID_MAX);
    }

    /** An Amount object when present: an ISO 4217 currency and a value of digits, as a string or a JSON integer. */
    private static Optional<Violation> amount(JsonNode body, String field) {
        JsonNode amount = body.get(field);
        if (amount == null || !amount.isObject()) {
            return Optional.empty();
        }
        JsonNode value = amount.get("value");
        Optional<Violation> valueViolation;
        if (value == null || value.isNull()) {
            valueViolation = Optional.empty();
        } else if (value.isString() || value.isIntegralNumber()) {
            valueViolation = AntomFields.amountText(field + ".value", value.asString());
        } else {
            valueViolation = Optional.of(new Violation(field + ".value", AntomFields.Rule.INVALID_AMOUNT,
                    field + ".value must be a string of at most 16 digits (minor units)"));
        }
        String currency = text(amount, "currency");
        return valueViolation.or(() -> currency == null ? Optional.empty()
                : AntomFields.currency(field + ".currency", currency));
    }

    /** A field's text as the parser reads it (a string, or a number's or boolean's text); absent or null is null. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || !value.isValueNode()) {
            return null;
        }
        return value.isString() ? value.stringValue() : value.asString();
    }
}
