package io.holdfast.alipay.sandbox.core;

import java.time.Instant;

/**
 * The (single) successful capture of a payment.
 *
 * @param captureRequestId the merchant's id, or an Antom-generated one for automatic capture
 * @param captureId Antom's id
 * @param amount the captured amount
 * @param time when it was captured
 * @param automatic true for captureMode AUTOMATIC
 */
public record CaptureRecord(String captureRequestId, String captureId, Amount amount, Instant time, boolean automatic) {
}
