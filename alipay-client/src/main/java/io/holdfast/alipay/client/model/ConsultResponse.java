package io.holdfast.alipay.client.model;

import java.util.List;

/** Response of consult: the payment options available for the amount and environment. */
public record ConsultResponse(Result result, List<PaymentOption> paymentOptions) implements AlipayResponse {
}
