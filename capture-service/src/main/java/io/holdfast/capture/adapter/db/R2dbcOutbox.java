package io.holdfast.capture.adapter.db;

import io.holdfast.capture.application.Outbox;
import io.holdfast.capture.application.OutboundMessages;
import io.holdfast.capture.domain.CaptureEvent;
import io.holdfast.messaging.outbox.OutboxEntry;
import io.holdfast.messaging.outbox.R2dbcOutboxStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * The writers' side of the shared outbox ({@code messaging} module): encodes the domain's events as wire messages and
 * appends them in the caller's transaction, keyed by paymentRequestId (the unit of publication order). The relay is
 * the module's {@code OutboxRelay}.
 */
final class R2dbcOutbox implements Outbox {

    private final R2dbcOutboxStore store;
    private final OutboundMessages messages;
    private final Clock clock;
    private final Supplier<UUID> ids;

    R2dbcOutbox(R2dbcOutboxStore store, OutboundMessages messages, Clock clock, Supplier<UUID> ids) {
        this.store = store;
        this.messages = messages;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Mono<Void> append(List<CaptureEvent> events, String merchantId, String causationId) {
        Instant now = clock.instant();
        return store.append(events.stream().map(event -> {
            UUID id = event.fixedEventId().orElseGet(ids);
            OutboundMessages.Message m = messages.encode(id, event, merchantId, causationId, now);
            return new OutboxEntry(id, m.topic(), m.key(), m.type(), m.payload(), now);
        }).toList());
    }
}
