package io.holdfast.ingest.adapter.alipay;

import io.holdfast.alipay.client.SensitiveDataMasker;
import io.holdfast.alipay.client.model.AntomFields;
import io.holdfast.alipay.client.model.AntomFields.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a verified notification body in one pass of Jackson's streaming parser (duplicate keys refused, trailing
 * content refused, the parser's limits), looking for card data in every value as it passes and keeping only the
 * fields that {@link NotificationRules} and {@link NotificationParser} read, as a small tree. A profile showed the
 * full tree, and a second walk over it for the card-data scan, among the larger costs of the edge.
 *
 * <p>What it finds is what a full tree and a walk over it would find, in the same order: card data in any field,
 * known or not ({@link AntomFields#cardDataField} by name, a Luhn-valid card number in any string or number), the
 * first in document order, except in an amount's {@code value} (an object that also has a {@code currency}, before or
 * after it) and in opaque references ({@link AntomFields#isOpaque}). A body whose root is not an object is not
 * scanned: the parser refuses it. The kept tree answers every look-up of the rules and the parser as the full tree
 * would: a kept name that holds an object or array it does not read into holds an empty one instead.
 */
final class NotificationScan {

    /**
     * Jackson's default JSON factory (the one behind {@code AlipayJson}'s mapper), refusing repeated keys, with its
     * buffers recycled per thread: the event loops' threads live as long as the server. A parser from an
     * {@code ObjectReader} cost a fifth of this pass (a deserialization context, a shared deque of buffers).
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .recyclerPool(JsonRecyclerPools.threadLocalPool())
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A kept name whose value is kept as it is (a scalar), or as an empty container when it is one. */
    private static final Shape LEAF = new Shape(Map.of());
    private static final Shape AMOUNT = new Shape(leaves("value", "currency"));
    private static final Shape RESULT = new Shape(leaves("resultStatus", "resultCode", "resultMessage"));
    private static final Shape PAYMENT_RESULT_INFO = new Shape(leaves("cardNo", "cardBrand", "funding",
            "issuingCountry", "cardToken"));
    private static final Shape CARD = new Shape(leaves("cardToken", "maskedCardNo", "cardBrand", "brand", "funding",
            "issuingCountry"));
    private static final Shape PAYMENT_METHOD_DETAIL = new Shape(Map.of("card", CARD));
    /** Every top-level name that the rules or the parser read, for any kind of notification. */
    private static final Shape BODY = new Shape(body());

    /** Name classes for the card-data scan, cached for the names seen (bounded: names are sender's input). */
    private static final int SECRET = 1;
    private static final int CARD_NUMBER = 2;
    private static final int OPAQUE = 4;
    private static final int NAME_CACHE_MAX = 4096;
    private static final Map<String, Integer> NAME_CLASSES = new ConcurrentHashMap<>();
    /** More digits than a masked card number shows, so that {@link AntomFields#cardDataField} tells number names. */
    private static final String UNMASKED = "12345678901";

    private final JsonParser parser;
    /** The path of the current value: property names and array indexes, made a string only for a finding. */
    private final List<Object> path = new ArrayList<>();
    /** Counts the checks in document order; a finding keeps its number. */
    private int order;
    private List<Finding> findings;

    private NotificationScan(JsonParser parser) {
        this.parser = parser;
    }

    /**
     * The body read in one pass: the kept tree ({@link MissingNode} for an empty body, the root as it is when it is
     * not an object), and the first card data found, if any.
     *
     * @throws JacksonException when the body is not one JSON value, or repeats a key in an object
     */
    static Scanned read(byte[] rawBody) {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), rawBody)) {
            NotificationScan scan = new NotificationScan(parser);
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new Scanned(MissingNode.getInstance(), null);
            }
            JsonNode body = first == JsonToken.START_OBJECT ? scan.value(first, BODY, true)
                    : scan.value(first, LEAF, false);
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw new TrailingContent(parser, trailing);
            }
            return new Scanned(body, scan.first());
        }
    }

    /** The kept tree and the first card data found (null when none). */
    record Scanned(JsonNode body, Violation cardData) {
    }

    /**
     * Reads the value whose first token is {@code token} to its end.
     *
     * @param keep what to keep of it; null for nothing
     * @param scan whether to look for card numbers in it
     * @return the kept node, or null when {@code keep} is null
     */
    private JsonNode value(JsonToken token, Shape keep, boolean scan) {
        if (token == JsonToken.START_OBJECT) {
            return object(keep, scan);
        }
        if (token == JsonToken.START_ARRAY) {
            array(scan);
            return keep == null ? null : NODES.arrayNode();
        }
        JsonNode scalar = scalar(token, keep != null || scan);
        if (scan && scalar != null && (scalar.isString() || scalar.isNumber())) {
            int at = order++;
            String text = scalar.asString();
            if (SensitiveDataMasker.containsCardNumber(text)) {
                found(at, AntomFields.noCardNumber(path(), text).orElseThrow());
            }
        }
        return keep == null ? null : scalar;
    }

    private ObjectNode object(Shape keep, boolean scan) {
        ObjectNode kept = keep == null ? null : NODES.objectNode();
        boolean currency = false;
        int valueFrom = -1;
        int valueTo = -1;
        for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
            String name = parser.currentName();
            currency |= "currency".equals(name);
            Shape child = keep == null ? null : keep.children.get(name);
            int from = order;
            path.add(name);
            JsonNode node = scan ? scannedProperty(name, parser.nextToken(), child)
                    : value(parser.nextToken(), child, false);
            path.remove(path.size() - 1);
            if (scan && "value".equals(name)) {
                valueFrom = from;
                valueTo = order;
            }
            if (kept != null && node != null) {
                kept.set(name, node);
            }
        }
        if (currency && valueFrom >= 0 && findings != null) {
            // an amount: its value is digits by nature, and was not to be scanned
            int from = valueFrom;
            int to = valueTo;
            findings.removeIf(finding -> finding.order >= from && finding.order < to);
        }
        return kept;
    }

    /**
     * A property's value read and scanned, after its name: a card security code's name, or a card number's name with
     * more digits than a masked number, is card data whatever the value; an opaque reference's value is not scanned.
     */
    private JsonNode scannedProperty(String name, JsonToken token, Shape child) {
        int kind = nameClass(name);
        int at = order++;
        boolean scalar = token.isScalarValue();
        JsonNode value = value(token, scalar && kind != 0 && child == null ? LEAF : child, (kind & OPAQUE) == 0);
        if ((kind & (SECRET | CARD_NUMBER)) != 0) {
            String text = !scalar || value.isNull() ? null : value.isString() ? value.stringValue() : value.asString();
            if (AntomFields.cardDataField(name, name, text).isPresent()) {
                found(at, AntomFields.cardDataField(path(), name, text).orElseThrow());
            }
        }
        return child == null ? null : value;
    }

    private void array(boolean scan) {
        int index = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            path.add(index++);
            value(token, null, scan);
            path.remove(path.size() - 1);
        }
    }

    /** The scalar at the current token as the tree would hold it, or null when not {@code needed}. */
    private JsonNode scalar(JsonToken token, boolean needed) {
        if (!needed) {
            return null;
        }
        return switch (token) {
            case VALUE_STRING -> NODES.stringNode(parser.getString());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            case VALUE_NUMBER_INT -> integer();
            // as the tree reads a JSON number with a fraction or an exponent (no big decimals configured)
            default -> NODES.numberNode(parser.getDoubleValue());
        };
    }

    /** A JSON integer as the tree holds it: an int, a long or a big integer, whichever it needs. */
    private JsonNode integer() {
        return switch (parser.getNumberType()) {
            case INT -> NODES.numberNode(parser.getIntValue());
            case LONG -> NODES.numberNode(parser.getLongValue());
            default -> NODES.numberNode(parser.getBigIntegerValue());
        };
    }

    private void found(int at, Violation violation) {
        if (findings == null) {
            findings = new ArrayList<>(2);
        }
        findings.add(new Finding(at, violation));
    }

    private Violation first() {
        if (findings == null || findings.isEmpty()) {
            return null;
        }
        Finding first = findings.get(0);
        for (Finding finding : findings) {
            if (finding.order < first.order) {
                first = finding;
            }
        }
        return first.violation;
    }

    /** The current value's path as the rules name fields: {@code a.b}, {@code a[0].b}. */
    private String path() {
        String field = "";
        for (Object segment : path) {
            field = segment instanceof Integer index ? field + "[" + index + "]"
                    : field.isEmpty() ? (String) segment : field + "." + segment;
        }
        return field;
    }

    private static int nameClass(String name) {
        Integer known = NAME_CLASSES.get(name);
        if (known != null) {
            return known;
        }
        int kind = AntomFields.cardDataField(name, name, null).isPresent() ? SECRET
                : AntomFields.cardDataField(name, name, UNMASKED).isPresent() ? CARD_NUMBER : 0;
        if (AntomFields.isOpaque(name)) {
            kind |= OPAQUE;
        }
        if (NAME_CLASSES.size() < NAME_CACHE_MAX) {
            NAME_CLASSES.put(name, kind);
        }
        return kind;
    }

    private static Map<String, Shape> leaves(String... names) {
        Map<String, Shape> children = new java.util.HashMap<>();
        for (String name : names) {
            children.put(name, LEAF);
        }
        return Map.copyOf(children);
    }

    private static Map<String, Shape> body() {
        Map<String, Shape> children = new java.util.HashMap<>(leaves("notifyType", "paymentRequestId", "paymentId",
                "paymentCreateTime", "paymentTime", "authExpiryTime", "paymentStatus", "paymentMethodType",
                "acquirerReferenceNo", "captureRequestId", "captureId", "captureTime", "refundRequestId", "refundId",
                "refundStatus", "refundTime", "arn", "vaultingRequestId", "vaultingCreateTime"));
        children.put("result", RESULT);
        children.put("paymentAmount", AMOUNT);
        children.put("captureAmount", AMOUNT);
        children.put("refundAmount", AMOUNT);
        children.put("paymentResultInfo", PAYMENT_RESULT_INFO);
        children.put("paymentMethodDetail", PAYMENT_METHOD_DETAIL);
        return Map.copyOf(children);
    }

    /** What to keep of an object: its kept names and what to keep of each. */
    private record Shape(Map<String, Shape> children) {
    }

    private record Finding(int order, Violation violation) {
    }

    /** Content after the body's one JSON value, which the tree refuses as well ({@code FAIL_ON_TRAILING_TOKENS}). */
    static final class TrailingContent extends tools.jackson.core.exc.StreamReadException {
        private static final long serialVersionUID = 1L;

        TrailingContent(JsonParser parser, JsonToken token) {
            super(parser, "Trailing token (" + token + ") after the body's JSON value");
        }
    }
}
