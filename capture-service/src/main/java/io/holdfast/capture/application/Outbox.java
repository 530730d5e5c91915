package io.holdfast.capture.application;

import io.holdfast.capture.domain.CaptureEvent;
import java.util.List;
import reactor.core.publisher.Mono;

/** Port: events to publish, written in the same transaction as the state change that caused them. */
public interface Outbox {

    /**
     * Appends the events.
     *
     * @param merchantId the payment's merchant, null for a single-merchant deployment
     * @param causationId the command, notification or event id that caused them
     */
    Mono<Void> append(List<CaptureEvent> events, String merchantId, String causationId);
}
