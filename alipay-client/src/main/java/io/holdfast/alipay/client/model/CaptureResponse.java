package io.holdfast.alipay.client.model;

/** Response of capture; ids, amount and {@code captureTime} come back when the capture succeeded. */
public record CaptureResponse(Result result, String captureRequestId, String captureId, String paymentId,
        Amount captureAmount, String captureTime, String acquirerReferenceNo) implements AlipayResponse {
}
