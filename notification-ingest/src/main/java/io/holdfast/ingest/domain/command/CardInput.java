package io.holdfast.ingest.domain.command;

/**
 * The card of an authorize request: a stored card (token) or, only at this edge, raw card data that is exchanged for
 * a token by Antom's vaultPaymentMethod within the request and then dropped. {@code toString} never prints card data.
 */
public sealed interface CardInput {

    /** A card by reference: an Antom cardToken. */
    record StoredCard(String cardToken, boolean cardOnFile, String networkTransactionId, boolean threeDSAuthentication)
            implements CardInput {

        @Override
        public String toString() {
            return "StoredCard[cardToken=<redacted>, cardOnFile=" + cardOnFile + "]";
        }
    }

    /** Raw card data (PCI DSS scope): never logged, stored or published. */
    record RawCard(String cardNo, String cvv, String expiryMonth, String expiryYear, String holderName,
            boolean threeDSAuthentication) implements CardInput {

        @Override
        public String toString() {
            return "RawCard[<redacted>]";
        }
    }
}
