package io.holdfast.ingest.adapter.web;

import io.holdfast.alipay.client.model.AntomFields;
import io.holdfast.ingest.domain.Money;
import io.holdfast.ingest.domain.command.CardInput;
import io.holdfast.ingest.domain.command.CommandPayload;
import io.holdfast.ingest.domain.command.CommandPayload.BuyerEnv;
import io.holdfast.ingest.domain.command.CommandPayload.CaptureMode;
import io.holdfast.ingest.domain.command.CommandPayload.DeadlinePolicy;
import io.holdfast.ingest.domain.command.CommandPayload.GoodsItem;
import io.holdfast.ingest.domain.command.CommandPayload.OrderInfo;
import io.holdfast.ingest.domain.command.CommandPayload.TerminalType;
import io.holdfast.ingest.domain.command.CommandRequest;
import io.holdfast.ingest.domain.command.CommandType;
import io.holdfast.ingest.domain.command.PendingAuthorize;
import io.holdfast.ingest.domain.command.Violations;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads the JSON bodies of the command endpoints (documented in {@code openapi.yaml}) into validated domain requests.
 * Every problem is collected in the given {@link Violations}; the result is meaningful only when there are none.
 */
final class CommandRequests {

    private static final int MAX_GOODS = 100;
    /** The raw card's fields: validated on their own, exchanged for a token, never published. */
    private static final Set<String> RAW_CARD_FIELDS = Set.of("cardNo", "cvv", "expiryMonth", "expiryYear");

    private final JsonFields f;
    private final Violations v;

    CommandRequests(Violations violations) {
        this.v = violations;
        this.f = new JsonFields(violations);
    }

    CommandRequest read(CommandType type, JsonNode body) {
        CommandRequest request = switch (type) {
            case AUTHORIZE -> authorize(body);
            case CANCEL -> new CommandPayload.Cancel(v.optionalText("reason", f.text(body, "", "reason"), 256));
            case CAPTURE -> new CommandPayload.Capture(money(body, "", "amount", true), captureAt(body));
            case REFUND -> new CommandPayload.Refund(money(body, "", "amount", true),
                    optionalId("refundRequestId", f.text(body, "", "refundRequestId")),
                    v.optionalText("reason", f.text(body, "", "reason"), 256),
                    optionalId("captureId", f.text(body, "", "captureId")));
        };
        keepsTheRecordRules("", body);
        return request;
    }

    /**
     * What the command carries onto Kafka must keep the consumers' rules (messaging's {@code RecordRules}, issue 18),
     * or the merchant gets a 202 and later a CommandRejected: no card number in any text but the raw card's own fields
     * (exchanged for a token here, never published), and no control characters in references and opaque ids.
     */
    private void keepsTheRecordRules(String path, JsonNode node) {
        if (node.isObject()) {
            for (var property : node.properties()) {
                String name = property.getKey();
                String field = path.isEmpty() ? name : path + "." + name;
                JsonNode value = property.getValue();
                if ("card".equals(path) && RAW_CARD_FIELDS.contains(name)) {
                    continue;
                }
                if ((AntomFields.isOpaque(name) || name.startsWith("reference")) && value.isString()
                        && value.stringValue().chars().anyMatch(Character::isISOControl)) {
                    v.add(field, "must not contain control characters");
                } else if (!AntomFields.isOpaque(name)) {
                    keepsTheRecordRules(field, value);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                keepsTheRecordRules(path + "[" + i + "]", node.get(i));
            }
        } else if (node.isString()) {
            text(path, node.stringValue());
        }
    }

    private void text(String path, String value) {
        if (AntomFields.noCardNumber(path, value).isPresent()) {
            v.add(path, "must not contain a card number");
        } else if (value.indexOf('\u0000') >= 0) {
            v.add(path, "must not contain NUL characters");
        }
    }

    Money money(JsonNode parent, String prefix, String name, boolean required) {
        JsonNode node = f.object(parent, prefix, name, required);
        if (node.isMissingNode()) {
            return null;
        }
        String path = JsonFields.path(prefix, name);
        Long value = v.positive(path + ".valueMinor", f.integer(node, path, "valueMinor"));
        String currency = v.currency(path + ".currency", f.text(node, path, "currency"));
        return value == null || currency == null ? null : new Money(value, currency);
    }

    TerminalType terminalType(JsonNode parent, String prefix) {
        String path = JsonFields.path(prefix, "terminalType");
        String text = f.text(parent, prefix, "terminalType");
        if (text == null) {
            v.add(path, "is required");
            return null;
        }
        return v.enumValue(path, text, TerminalType.class, null);
    }

    private PendingAuthorize authorize(JsonNode body) {
        Money amount = money(body, "", "amount", true);
        CaptureMode captureMode = v.enumValue("captureMode", f.text(body, "", "captureMode"), CaptureMode.class,
                CaptureMode.AUTOMATIC);
        CardInput card = card(f.object(body, "", "card", true));
        OrderInfo order = order(f.object(body, "", "order", true));
        BuyerEnv env = env(f.object(body, "", "env", true));
        String redirect = v.url("paymentRedirectUrl", f.text(body, "", "paymentRedirectUrl"), true);
        String settlement = f.present(body, "settlementCurrency")
                ? v.currency("settlementCurrency", f.text(body, "", "settlementCurrency")) : null;
        String region = v.region("merchantRegion", f.text(body, "", "merchantRegion"));
        DeadlinePolicy policy = v.enumValue("deadlinePolicy", f.text(body, "", "deadlinePolicy"),
                DeadlinePolicy.class, null);
        if (policy != null && captureMode == CaptureMode.AUTOMATIC) {
            v.add("deadlinePolicy", "applies to MANUAL capture only");
        }
        return new PendingAuthorize(amount, captureMode, card, order, env, redirect, settlement, region, policy);
    }

    private CardInput card(JsonNode card) {
        if (card.isMissingNode()) {
            return null;
        }
        boolean threeDS = f.bool(card, "card", "threeDSAuthentication");
        boolean token = f.present(card, "cardToken");
        boolean raw = f.present(card, "cardNo");
        if (token == raw) {
            v.add("card", "give either card.cardToken or card.cardNo (with cvv, expiryMonth, expiryYear)");
            return null;
        }
        if (token) {
            return new CardInput.StoredCard(v.requiredText("card.cardToken", f.text(card, "card", "cardToken"), 2048),
                    f.bool(card, "card", "cardOnFile"),
                    v.optionalText("card.networkTransactionId", f.text(card, "card", "networkTransactionId"), 128),
                    threeDS);
        }
        String month = v.digits("card.expiryMonth", f.text(card, "card", "expiryMonth"), 2, 2);
        if (month != null && (Integer.parseInt(month) < 1 || Integer.parseInt(month) > 12)) {
            v.add("card.expiryMonth", "must be 01 to 12");
        }
        return new CardInput.RawCard(v.cardNumber("card.cardNo", f.text(card, "card", "cardNo")),
                v.digits("card.cvv", f.text(card, "card", "cvv"), 3, 4), month,
                v.digits("card.expiryYear", f.text(card, "card", "expiryYear"), 2, 2),
                v.optionalText("card.holderName", f.text(card, "card", "holderName"), 128), threeDS);
    }

    private OrderInfo order(JsonNode order) {
        if (order.isMissingNode()) {
            return null;
        }
        JsonNode buyerNode = f.object(order, "order", "buyer", false);
        CommandPayload.Buyer buyer = buyerNode.isMissingNode() ? null : new CommandPayload.Buyer(
                v.optionalText("order.buyer.referenceBuyerId", f.text(buyerNode, "order.buyer", "referenceBuyerId"), 64),
                v.optionalText("order.buyer.fullName", f.text(buyerNode, "order.buyer", "fullName"), 128),
                v.optionalText("order.buyer.email", f.text(buyerNode, "order.buyer", "email"), 64),
                v.optionalText("order.buyer.phoneNo", f.text(buyerNode, "order.buyer", "phoneNo"), 24));
        return new OrderInfo(
                v.requiredText("order.referenceOrderId", f.text(order, "order", "referenceOrderId"), 64),
                v.requiredText("order.orderDescription", f.text(order, "order", "orderDescription"), 256),
                money(order, "order", "orderAmount", false), buyer, goods(order.get("goods")));
    }

    private List<GoodsItem> goods(JsonNode goods) {
        List<GoodsItem> items = new ArrayList<>();
        if (goods == null || goods.isNull()) {
            return items;
        }
        if (!goods.isArray() || goods.size() > MAX_GOODS) {
            v.add("order.goods", "must be an array of at most " + MAX_GOODS + " items");
            return items;
        }
        for (int i = 0; i < goods.size(); i++) {
            String p = "order.goods[" + i + "]";
            JsonNode g = goods.get(i);
            if (!g.isObject()) {
                v.add(p, "must be an object");
                continue;
            }
            Long quantity = f.integer(g, p, "quantity");
            if (quantity != null && (quantity < 1 || quantity > Integer.MAX_VALUE)) {
                v.add(p + ".quantity", "must be a positive integer");
                quantity = null;
            }
            items.add(new GoodsItem(v.requiredText(p + ".referenceGoodsId", f.text(g, p, "referenceGoodsId"), 64),
                    v.requiredText(p + ".goodsName", f.text(g, p, "goodsName"), 256),
                    v.optionalText(p + ".goodsCategory", f.text(g, p, "goodsCategory"), 64),
                    money(g, p, "unitAmount", false), quantity == null ? 1 : quantity.intValue()));
        }
        return items;
    }

    private BuyerEnv env(JsonNode env) {
        if (env.isMissingNode()) {
            return null;
        }
        return new BuyerEnv(terminalType(env, "env"),
                v.optionalText("env.osType", f.text(env, "env", "osType"), 16),
                v.optionalText("env.clientIp", f.text(env, "env", "clientIp"), 64),
                v.optionalText("env.userAgent", f.text(env, "env", "userAgent"), 1024),
                v.optionalText("env.acceptHeader", f.text(env, "env", "acceptHeader"), 1024),
                v.optionalText("env.language", f.text(env, "env", "language"), 32),
                v.optionalText("env.deviceTokenId", f.text(env, "env", "deviceTokenId"), 128));
    }

    /** An Antom id when present: at most 64 characters, no control characters (messaging's RecordRules). */
    private String optionalId(String field, String value) {
        if (value == null) {
            return null;
        }
        AntomFields.id(field, value, AntomFields.ID_MAX).ifPresent(violation -> v.add(field, violation.message()));
        return value;
    }

    private Instant captureAt(JsonNode body) {
        String text = f.text(body, "", "captureAt");
        if (text == null) {
            return null;
        }
        try {
            Instant captureAt = Instant.parse(text);
            if (AntomFields.instant("captureAt", captureAt).isPresent()) {
                v.add("captureAt", "must be a time from 1970 to 9999");
                return null;
            }
            return captureAt;
        } catch (DateTimeParseException e) {
            v.add("captureAt", "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
            return null;
        }
    }
}
