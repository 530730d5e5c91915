package io.holdfast.ingest.domain.consult;

import java.util.List;

/**
 * One payment option from consult, reduced to what a checkout page needs.
 *
 * @param paymentMethodType e.g. CARD
 * @param issuingRegions ISO alpha-2 issuing countries or GLOBAL
 * @param disableReason why it is disabled; null when enabled
 */
public record CardOption(String paymentMethodType, boolean enabled, String disableReason, List<String> issuingRegions,
        List<Brand> brands, List<String> funding, String logoName, String logoUrl) {

    public CardOption {
        issuingRegions = List.copyOf(issuingRegions);
        brands = List.copyOf(brands);
        funding = List.copyOf(funding);
    }

    /** A supported card brand with its logo. */
    public record Brand(String cardBrand, String logoName, String logoUrl) {
    }
}
