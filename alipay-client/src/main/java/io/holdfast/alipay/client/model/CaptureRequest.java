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

    public static CaptureRequest of(String captureRequestId, String paymentId, Amount captureAmount) {
        return new CaptureRequest(captureRequestId, paymentId, captureAmount, null);
    }
}
