package io.holdfast.alipay.client.model;

/**
 * Body of notifyCapture (reference 7.2): a capture, manual or automatic, reached S or F. Never sent while in
 * process. {@code notifyType} is {@code CAPTURE_RESULT}.
 */
public record CaptureResultNotification(String notifyType, Result result, String captureRequestId, String paymentId,
        String captureId, Amount captureAmount, String captureTime, String acquirerReferenceNo) {

    public static final String CAPTURE_RESULT = "CAPTURE_RESULT";
}
