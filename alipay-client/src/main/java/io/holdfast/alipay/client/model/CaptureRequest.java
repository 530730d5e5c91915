package io.holdfast.alipay.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST /v1/payments/capture} (reference 5). {@code captureRequestId} is the idempotency key: reuse
 * it on every retry of the same capture.
 *
 * @param isLastCapture SDK-only, semantics unconfirmed; leave null
 */
public record CaptureRequest(String captureRequestId, String paymentId, Amount captureAmount,
        @JsonProperty("isLastCapture") Boolean isLastCapture) {

    /**
     * The fields Antom requires (reference 5) that are missing or blank: {@code captureRequestId},
     * {@code paymentId} and {@code captureAmount}.
     */
    public java.util.List<String> missingRequiredFields() {
        java.util.List<String> missing = new java.util.ArrayList<>();
        PayRequest.require(missing, "captureRequestId", captureRequestId);
        PayRequest.require(missing, "paymentId", paymentId);
        PayRequest.require(missing, "captureAmount", captureAmount);
        return java.util.List.copyOf(missing);
    }

    public static CaptureRequest of(String captureRequestId, String paymentId, Amount captureAmount) {
        return new CaptureRequest(captureRequestId, paymentId, captureAmount, null);
    }
}
