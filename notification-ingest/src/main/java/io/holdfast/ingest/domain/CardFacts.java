package io.holdfast.ingest.domain;

/**
 * What may be said about a card outside the card-data environment: a masked number (first 6 and last 4 digits at
 * most), brand, funding and issuing country. Never the full number, never the CVV.
 */
public record CardFacts(String maskedCardNo, String brand, String funding, String issuingCountry) {

    public static final CardFacts NONE = new CardFacts(null, null, null, null);

    /**
     * Builds card facts from what Antom sent, masking the number again: Antom is untrusted input (security checklist
     * B13), so a full PAN in a masked field must not slip through to Kafka.
     */
    public static CardFacts fromAntom(String cardNo, String brand, String funding, String issuingCountry) {
        return new CardFacts(CardMasking.mask(cardNo), brand, funding, issuingCountry);
    }

    public boolean isEmpty() {
        return maskedCardNo == null && brand == null && funding == null && issuingCountry == null;
    }
}
