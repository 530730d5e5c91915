package io.holdfast.authorization.domain;

/** What may be said about a card: masked number, brand, funding, issuing country. Never the PAN or CVV. */
public record CardSummary(String maskedCardNo, String cardBrand, String funding, String issuingCountry) {
}
