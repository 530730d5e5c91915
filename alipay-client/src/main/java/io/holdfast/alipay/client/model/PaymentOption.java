package io.holdfast.alipay.client.model;

import java.util.List;

/**
 * One payment option returned by consult.
 *
 * @param paymentMethodRegion issuing countries (ISO alpha-2) or {@code GLOBAL}
 * @param disableReason why it is disabled, e.g. CHANNEL_NOT_SUPPORT_CURRENCY (kept as a string: Antom extends it)
 */
public record PaymentOption(String paymentMethodType, String paymentMethodCategory, List<String> paymentMethodRegion,
        Boolean enabled, Boolean preferred, String disableReason, List<String> supportedCurrencies, Logo logo,
        PaymentOptionDetail paymentOptionDetail) {
}
