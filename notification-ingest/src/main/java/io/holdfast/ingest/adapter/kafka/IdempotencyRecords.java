package io.holdfast.ingest.adapter.kafka;

import io.holdfast.ingest.application.CommandResult;
import io.holdfast.ingest.application.IdempotencyRecord;
import io.holdfast.ingest.domain.CardFacts;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The value format of the idempotency topic (private to the edge, not part of the Avro contract): a small JSON object
 * with a version, the fingerprint, the time it was recorded and the final answer. It holds a card token and masked
 * card facts at most, never card data.
 */
final class IdempotencyRecords {

    private static final int VERSION = 1;

    private final JsonMapper json;

    IdempotencyRecords(JsonMapper json) {
        this.json = json;
    }

    byte[] encode(IdempotencyRecord record) {
        ObjectNode node = json.createObjectNode();
        node.put("v", VERSION);
        node.put("fingerprint", record.fingerprint());
        node.put("recordedAt", record.recordedAt().toEpochMilli());
        node.set("result", result(record.result()));
        return json.writeValueAsBytes(node);
    }

    /** The record, or null for a value this version cannot read (a newer format: skipped, logged by the caller). */
    IdempotencyRecord decode(String commandId, byte[] value) {
        JsonNode node = json.readTree(value);
        if (node.path("v").asInt() != VERSION) {
            return null;
        }
        CommandResult result = result(node.path("result"));
        return result == null ? null : new IdempotencyRecord(commandId, node.path("fingerprint").asString(),
                result, Instant.ofEpochMilli(node.path("recordedAt").asLong()));
    }

    private ObjectNode result(CommandResult result) {
        ObjectNode node = json.createObjectNode();
        if (result instanceof CommandResult.Accepted accepted) {
            node.put("type", "ACCEPTED");
            node.put("commandId", accepted.commandId());
            node.put("paymentRequestId", accepted.paymentRequestId());
            node.put("commandType", accepted.type());
            if (accepted.card() != null) {
                ObjectNode card = node.putObject("card");
                card.put("cardToken", accepted.card().cardToken());
                CardFacts facts = accepted.card().facts();
                if (facts != null) {
                    ObjectNode factsNode = card.putObject("facts");
                    factsNode.put("maskedCardNo", facts.maskedCardNo());
                    factsNode.put("brand", facts.brand());
                    factsNode.put("funding", facts.funding());
                    factsNode.put("issuingCountry", facts.issuingCountry());
                }
            }
        } else if (result instanceof CommandResult.CardVerificationRequired verification) {
            node.put("type", "CARD_VERIFICATION_REQUIRED");
            node.put("vaultingRequestId", verification.vaultingRequestId());
            node.put("redirectUrl", verification.redirectUrl());
        } else if (result instanceof CommandResult.CardRefused refused) {
            node.put("type", "CARD_REFUSED");
            node.put("resultCode", refused.resultCode());
            node.put("resultMessage", refused.resultMessage());
        } else {
            throw new IllegalArgumentException("only final answers are shared, not " + result);
        }
        return node;
    }

    private static CommandResult result(JsonNode node) {
        String type = node.path("type").asString("");
        if (type.equals("ACCEPTED")) {
            JsonNode card = node.path("card");
            JsonNode facts = card.path("facts");
            CommandResult.VaultedCard vaulted = card.isMissingNode() ? null : new CommandResult.VaultedCard(
                    text(card, "cardToken"), facts.isMissingNode() ? null : new CardFacts(text(facts, "maskedCardNo"),
                            text(facts, "brand"), text(facts, "funding"), text(facts, "issuingCountry")));
            return new CommandResult.Accepted(text(node, "commandId"), text(node, "paymentRequestId"),
                    text(node, "commandType"), vaulted);
        }
        if (type.equals("CARD_VERIFICATION_REQUIRED")) {
            return new CommandResult.CardVerificationRequired(text(node, "vaultingRequestId"),
                    text(node, "redirectUrl"));
        }
        if (type.equals("CARD_REFUSED")) {
            return new CommandResult.CardRefused(text(node, "resultCode"), text(node, "resultMessage"));
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
