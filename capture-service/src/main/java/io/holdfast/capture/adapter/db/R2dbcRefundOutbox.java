package io.holdfast.capture.adapter.db;

import io.holdfast.capture.application.OutboundMessages;
import io.holdfast.capture.application.RefundMessages;
import io.holdfast.capture.application.RefundOutbox;
import io.holdfast.capture.domain.RefundEvent;
import io.holdfast.messaging.outbox.OutboxEntry;
import io.holdfast.messaging.outbox.R2dbcOutboxStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/** Refund events into the shared outbox, in the caller's transaction, keyed by paymentRequestId. */
final class R2dbcRefundOutbox implements RefundOutbox {

    private final R2dbcOutboxStore store;
    private final RefundMessages messages;
    private final Clock clock;
    private final Supplier<UUID> ids;

    R2dbcRefundOutbox(R2dbcOutboxStore store, RefundMessages messages, Clock clock, Supplier<UUID> ids) {
        this.store = store;
        this.messages = messages;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Mono<Void> append(List<RefundEvent> events, String merchantId, String causationId) {
        if (events.isEmpty()) {
            return Mono.empty();
        }
        Instant now = clock.instant();
        return store.append(events.stream().map(event -> {
            UUID id = ids.get();
            OutboundMessages.Message m = messages.encode(id, event, merchantId, causationId, now);
            return new OutboxEntry(id, m.topic(), m.key(), m.type(), m.payload(), now);
        }).toList());
    }
}
