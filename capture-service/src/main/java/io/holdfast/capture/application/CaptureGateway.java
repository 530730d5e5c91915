package io.holdfast.capture.application;

import io.holdfast.capture.domain.CaptureLookup;
import io.holdfast.capture.domain.CaptureResult;
import io.holdfast.capture.domain.Money;
import reactor.core.publisher.Mono;

/** Port: Antom's capture and inquiryPayment, in the domain's vocabulary. Never errors: failures are outcomes. */
public interface CaptureGateway {

    /** Sends capture with the given idempotency key. */
    Mono<CaptureResult> capture(String captureRequestId, String paymentId, Money amount);

    /** inquiryPayment by paymentId: the payment's CAPTURE transactions. */
    Mono<CaptureLookup> captures(String paymentId);
}
