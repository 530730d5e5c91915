package io.holdfast.ingest.adapter.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.ingest.adapter.alipay.AntomNotificationReader.BodyReading;
import io.holdfast.ingest.domain.notification.NotificationKind;
import io.holdfast.ingest.domain.notification.RejectionReason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The one-pass reading of a verified body ({@link NotificationScan}, then the field rules and the parser) answers
 * exactly what the full-tree reading answered before it ({@link TreeReadingOracle}): the same refusal reason and
 * detail, or the same payload, for bodies made from Antom's four notifications by random edits (card numbers and
 * security codes in known and unknown fields, amounts with the value before or after the currency, numbers in every
 * JSON form, containers where scalars belong, repeated keys, cut or trailing content, roots that are not objects).
 */
class NotificationScanUnitTests {

    private static final int BODIES = 30_000;
    private static final String[] KEYS = {"notifyType", "result", "resultStatus", "resultCode", "resultMessage",
        "paymentRequestId", "paymentId", "paymentAmount", "paymentCreateTime", "paymentTime", "authExpiryTime",
        "paymentStatus", "paymentMethodType", "acquirerReferenceNo", "paymentResultInfo", "cardNo", "cardBrand",
        "funding", "issuingCountry", "cardToken", "captureRequestId", "captureId", "captureAmount", "captureTime",
        "refundRequestId", "refundId", "refundStatus", "refundAmount", "refundTime", "arn", "vaultingRequestId",
        "vaultingCreateTime", "paymentMethodDetail", "card", "maskedCardNo", "brand", "value", "currency", "cvv",
        "CVC", "securityCode", "cardPasswordDigest", "cardNumber", "PAN", "networkTransactionId", "paymentMethodId",
        "", "extra", "note"};
    private static final String[] VALUES = {"\"S\"", "\"F\"", "\"U\"", "\"X\"", "\"PAYMENT_RESULT\"",
        "\"PAYMENT_PENDING\"", "\"CAPTURE_RESULT\"", "\"REFUND_RESULT\"", "\"VAULTING_RESULT\"", "\"OTHER\"",
        "\"SUCCESS\"", "\"FAIL\"", "\"USD\"", "\"usd\"", "\"XXX\"", "\"8000\"", "\"08000\"", "\" 8000\"", "8000", "-1",
        "1e3", "-0", "1.5", "0.0", "4111111111111111", "4111111111111111.0", "12345678901234567890123", "2147483648",
        "-2147483649", "9223372036854775808", "1E2", "1.0e-5", "-1.5e+3", "411111111111111.1e1",
        "\"4111111111111111\"", "\"4111 1111 1111 1111\"", "\"4111-1111-1111-1111\"", "\"411111******1111\"",
        "\"41111111111\"", "\"card 4111111111111111 here\"", "\"2026-01-01T12:01:00+08:00\"",
        "\"2026-01-01T12:01:00.123Z\"", "\"2026-01-01 12:01\"", "\"1969-12-31T23:59:59Z\"", "true", "false", "null",
        "\"\"", "\" \"", "\"a\\u0001b\"", "\"a\\u0000b\"", "\"" + "x".repeat(65) + "\"", "\"" + "y".repeat(257) + "\"",
        "\"US\"", "\"us\"", "\"USA\"", "\"VISA\"", "\"pay-1\"", "\"20210804085237000000000000000123456\"", "{}", "[]",
        "[\"4111111111111111\"]", "[1,[\"4111111111111111\"]]", "[{\"cvv\":\"1\"}]",
        "{\"value\":\"4111111111111111\",\"currency\":\"USD\"}", "{\"currency\":\"USD\",\"value\":4111111111111111}",
        "{\"value\":\"4111111111111111\"}", "{\"value\":{\"n\":\"4111111111111111\"},\"currency\":null}",
        "{\"value\":\"12\",\"currency\":\"EUR\"}", "{\"currency\":\"EUR\",\"value\":\"99999999999999999\"}",
        "{\"cardNo\":\"4111111111111111\"}", "{\"cardToken\":\"4111111111111111\"}"};

    private final AntomNotificationReader reader = new AntomNotificationReader(null);

    @Test
    void readsEveryBodyAsTheFullTreeDid() {
        Random random = new Random(20261206L);
        Set<RejectionReason> reasons = EnumSet.noneOf(RejectionReason.class);
        int accepted = 0;
        for (int i = 0; i < BODIES; i++) {
            NotificationKind urlKind = NotificationKind.values()[random.nextInt(NotificationKind.values().length)];
            String body = mutate(random, template(random));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

            BodyReading expected = TreeReadingOracle.read(urlKind, bytes);
            BodyReading actual = reader.read(urlKind, bytes);

            assertThat(actual).as("%s at %s", body, urlKind).isEqualTo(expected);
            if (actual instanceof BodyReading.Refused refused) {
                reasons.add(refused.reason());
            } else {
                accepted++;
            }
        }
        // the edits reach every kind of answer, so the comparison means something
        assertThat(accepted).isGreaterThan(BODIES / 50);
        assertThat(reasons).contains(RejectionReason.CARD_DATA, RejectionReason.DUPLICATE_KEY,
                RejectionReason.MALFORMED_BODY, RejectionReason.INVALID_VALUE, RejectionReason.FIELD_TOO_LONG,
                RejectionReason.INVALID_AMOUNT, RejectionReason.INVALID_CURRENCY, RejectionReason.INVALID_TIME,
                RejectionReason.UNEXPECTED_NOTIFY_TYPE);
    }

    @Test
    void readsTheEdgeCasesAsTheFullTreeDid() {
        List<String> bodies = List.of("", "  ", "null", "1", "\"s\"", "[]", "[{\"cvv\":\"1\"}]", "{}", "{} ", "{}x",
                "{} {}", "{}]", "{\"a\":1,\"a\":2}", "{\"a\":{\"b\":1,\"b\":1}}", "{\"cvv\":null}",
                "{\"cardNo\":4111111111111111}", "{\"cardNo\":{\"x\":\"4111111111111111\"}}",
                "{\"x\":{\"value\":\"4111111111111111\",\"y\":\"4111111111111111\",\"currency\":\"USD\"}}",
                "{\"x\":{\"y\":\"4111111111111111\",\"value\":\"4111111111111111\"}}",
                "{\"\":{\"cvv\":\"1\"}}", "{\"a\":[[{\"PAN\":\"4111111111111111\"}]]}", "{\"result\":[1]}",
                "{\"n\":1e400}", "{\"n\":-0.0}", "[" + "[".repeat(2000) + "]".repeat(2000) + "]",
                "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}");
        for (String body : bodies) {
            for (NotificationKind urlKind : NotificationKind.values()) {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                assertThat(reader.read(urlKind, bytes)).as("%s at %s", body, urlKind)
                        .isEqualTo(TreeReadingOracle.read(urlKind, bytes));
            }
        }
    }

    /** A JSON object under construction: its members in order, each value a raw JSON text or a nested object. */
    private static final class Obj {
        private final List<String> keys = new ArrayList<>();
        private final List<Object> values = new ArrayList<>();

        Obj put(String key, Object value) {
            int at = keys.indexOf(key);
            if (at >= 0) {
                values.set(at, value);
            } else {
                keys.add(key);
                values.add(value);
            }
            return this;
        }

        void collect(List<Obj> into) {
            into.add(this);
            for (Object value : values) {
                if (value instanceof Obj nested) {
                    nested.collect(into);
                }
            }
        }

        void write(StringBuilder out) {
            out.append('{');
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append('"').append(keys.get(i)).append("\":");
                if (values.get(i) instanceof Obj nested) {
                    nested.write(out);
                } else {
                    out.append(values.get(i));
                }
            }
            out.append('}');
        }
    }

    private static String q(String text) {
        return "\"" + text + "\"";
    }

    private static Obj result() {
        return new Obj().put("resultCode", q("SUCCESS")).put("resultStatus", q("S")).put("resultMessage", q("success"));
    }

    private static Obj amount(String value, String currency) {
        return new Obj().put("value", q(value)).put("currency", q(currency));
    }

    private static Obj template(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> new Obj().put("notifyType", q("PAYMENT_RESULT")).put("result", result())
                    .put("paymentRequestId", q("acme-1")).put("paymentId", q("pay-1"))
                    .put("paymentAmount", amount("8000", "EUR")).put("paymentCreateTime", q("2026-01-01T12:01:00+08:00"))
                    .put("paymentTime", q("2026-01-01T12:01:01+08:00")).put("authExpiryTime", q("2026-01-08T12:01:01Z"))
                    .put("paymentResultInfo", new Obj().put("cardNo", q("405469******0768")).put("cardBrand", q("VISA"))
                            .put("funding", q("CREDIT")).put("issuingCountry", q("US")).put("cardToken", q("tok-1")));
            case 1 -> new Obj().put("captureAmount", amount("50000", "BRL")).put("notifyType", q("CAPTURE_RESULT"))
                    .put("captureId", q("cap-1")).put("captureRequestId", q("acme-1-c"))
                    .put("captureTime", q("2026-01-02T00:34:52-08:00")).put("paymentId", q("pay-1"))
                    .put("result", result()).put("acquirerReferenceNo", q("arn-1"));
            case 2 -> new Obj().put("notifyType", q("REFUND_RESULT")).put("refundAmount", amount("10000", "HKD"))
                    .put("refundId", q("20210804085237000000000000000123456")).put("refundRequestId", q("acme-1-r"))
                    .put("refundStatus", q("SUCCESS")).put("refundTime", q("2021-08-04T01:52:37-07:00"))
                    .put("result", result()).put("arn", q("74537604211247"));
            default -> new Obj().put("vaultingRequestId", q("v-1")).put("result", result())
                    .put("paymentMethodDetail", new Obj().put("paymentMethodType", q("CARD")).put("card", new Obj()
                            .put("cardToken", q("tok-1")).put("maskedCardNo", q("411111******1111"))
                            .put("brand", q("VISA")).put("funding", q("DEBIT")).put("issuingCountry", q("GB"))));
        };
    }

    private static String mutate(Random random, Obj body) {
        int edits = random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            List<Obj> objects = new ArrayList<>();
            body.collect(objects);
            Obj target = objects.get(random.nextInt(objects.size()));
            switch (random.nextInt(4)) {
                case 0, 1 -> target.put(KEYS[random.nextInt(KEYS.length)], VALUES[random.nextInt(VALUES.length)]);
                case 2 -> {
                    if (!target.keys.isEmpty()) {
                        int at = random.nextInt(target.keys.size());
                        target.keys.remove(at);
                        target.values.remove(at);
                    }
                }
                default -> {
                    long seed = random.nextLong();
                    Collections.shuffle(target.keys, new Random(seed));
                    Collections.shuffle(target.values, new Random(seed));
                }
            }
        }
        StringBuilder out = new StringBuilder();
        body.write(out);
        String text = out.toString();
        return switch (random.nextInt(40)) {
            case 0 -> text.substring(0, random.nextInt(text.length()));
            case 1 -> text + (random.nextBoolean() ? " {}" : " x");
            case 2 -> "{\"result\":{}," + text.substring(1);
            case 3 -> "[" + text + "]";
            default -> text;
        };
    }
}
