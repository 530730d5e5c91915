package io.holdfast.ingest.application;

import io.holdfast.ingest.domain.CardFacts;

/** The answer to a merchant command; the web layer renders each case to one HTTP status. */
public sealed interface CommandResult {

    /** Published on payments.commands (202); {@code card} is set when raw card data was vaulted in this request. */
    record Accepted(String commandId, String paymentRequestId, String type, VaultedCard card) implements CommandResult {
    }

    /** The raw card needs 3-D Secure before it can be stored (422); the token comes by notifyVaulting. */
    record CardVerificationRequired(String vaultingRequestId, String redirectUrl) implements CommandResult {
    }

    /** Antom refused the raw card (422). */
    record CardRefused(String resultCode, String resultMessage) implements CommandResult {
    }

    /** Antom gave no verdict on the card (503): retry with the same Idempotency-Key. */
    record VaultUnavailable(String reason) implements CommandResult {
    }

    /** Kafka did not confirm the command (503): retry with the same Idempotency-Key. */
    record NotStored(String detail) implements CommandResult {
    }

    /** The token a raw card was exchanged for, returned so the merchant can reuse it. */
    record VaultedCard(String cardToken, CardFacts facts) {

        @Override
        public String toString() {
            return "VaultedCard[cardToken=<redacted>, facts=" + facts + "]";
        }
    }

    /** Whether this answer is final for its Idempotency-Key (replayed to identical retries) or may change. */
    default boolean isFinal() {
        return this instanceof Accepted || this instanceof CardVerificationRequired || this instanceof CardRefused;
    }
}
