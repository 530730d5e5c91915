package io.holdfast.alipay.client.model;

/** Response of cancel; the ids and {@code cancelTime} come back only with resultStatus S. */
public record CancelResponse(Result result, String paymentId, String paymentRequestId, String cancelTime)
        implements AlipayResponse {
}
