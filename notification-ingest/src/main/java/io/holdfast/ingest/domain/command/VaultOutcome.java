package io.holdfast.ingest.domain.command;

import io.holdfast.ingest.domain.CardFacts;

/** What Antom's vaultPaymentMethod made of a raw card. */
public sealed interface VaultOutcome {

    /** Stored: the token replaces the card from here on. */
    record Vaulted(String cardToken, CardFacts card) implements VaultOutcome {

        @Override
        public String toString() {
            return "Vaulted[cardToken=<redacted>, card=" + card + "]";
        }
    }

    /** The buyer must pass 3-D Secure at {@code redirectUrl}; the token arrives later by notifyVaulting. */
    record VerificationRequired(String vaultingRequestId, String redirectUrl) implements VaultOutcome {
    }

    /** Antom refused the card (F), e.g. INVALID_CARD_NUMBER. */
    record Refused(String resultCode, String resultMessage) implements VaultOutcome {
    }

    /** No verdict (timeout, U, not sent): the merchant may retry with the same Idempotency-Key. */
    record Unavailable(String reason) implements VaultOutcome {
    }
}
