package io.holdfast.capture.application;

import io.holdfast.capture.domain.RefundEvent;
import java.util.List;
import reactor.core.publisher.Mono;

/** Port: refund events to publish, written in the transaction of the change that caused them. */
public interface RefundOutbox {

    /**
     * @param merchantId the payment's merchant (the command's, for a rejection), null for a single-merchant deployment
     * @param causationId the command or notification id that caused them
     */
    Mono<Void> append(List<RefundEvent> events, String merchantId, String causationId);
}
