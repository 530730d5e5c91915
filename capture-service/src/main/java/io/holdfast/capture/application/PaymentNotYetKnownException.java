package io.holdfast.capture.application;

import io.holdfast.capture.domain.CaptureRequest;

/**
 * A CapturePayment arrived before its PaymentAuthorized (they travel on different topics). Retryable: the message is
 * redelivered a few times; only when the retries are exhausted is the command rejected as UNKNOWN_PAYMENT
 * ({@link CaptureCommandHandler#rejectUnknown}).
 */
public class PaymentNotYetKnownException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient CaptureRequest request;
    private final String merchantId;

    public PaymentNotYetKnownException(CaptureRequest request, String merchantId) {
        super("no authorization known (yet) for " + request.paymentRequestId());
        this.request = request;
        this.merchantId = merchantId;
    }

    public CaptureRequest request() {
        return request;
    }

    public String merchantId() {
        return merchantId;
    }
}
