package io.holdfast.capture.application;

import io.holdfast.capture.domain.CaptureRequest;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Port: CapturePayment commands parked because they arrived before their payment's PaymentAuthorized. Calls join
 * the caller's transaction.
 */
public interface ParkedCommands {

    /** A parked command and the merchant that sent it. */
    record ParkedCommand(CaptureRequest request, String merchantId) {
    }

    /**
     * Serialises, until the caller's transaction ends, everyone who parks a command for or opens the row of
     * {@code paymentRequestId}: a command is either parked before the row opens (and found by the opener) or finds
     * the row; never neither.
     */
    Mono<Void> lockPayment(String paymentRequestId);

    /** Parks a command (a second park of the same commandId changes nothing). */
    Mono<Void> park(CaptureRequest request, String merchantId, Instant receivedAt);

    /** Removes and returns the commands parked for {@code paymentRequestId}, in arrival order. */
    Flux<ParkedCommand> takeAll(String paymentRequestId);

    /** Removes and returns (in arrival order) the commands parked before {@code cutoff}. */
    Flux<ParkedCommand> takeReceivedBefore(Instant cutoff);
}
