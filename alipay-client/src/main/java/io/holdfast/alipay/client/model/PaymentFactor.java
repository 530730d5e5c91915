package io.holdfast.alipay.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Card payment factors on pay and consult.
 *
 * @param isAuthorization {@code true} for authorize-then-capture (the SDK demo sets it for server-to-server card pay)
 * @param captureMode AUTOMATIC (also when absent) or MANUAL
 */
public record PaymentFactor(@JsonProperty("isAuthorization") Boolean isAuthorization, CaptureMode captureMode) {

    public static PaymentFactor authorization(CaptureMode captureMode) {
        return new PaymentFactor(true, captureMode);
    }
}
