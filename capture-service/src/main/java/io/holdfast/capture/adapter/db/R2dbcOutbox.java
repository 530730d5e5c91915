package io.holdfast.capture.adapter.db;

import io.holdfast.capture.application.Outbox;
import io.holdfast.capture.application.OutboxStore;
import io.holdfast.capture.application.OutboundMessages;
import io.holdfast.capture.domain.CaptureEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The outbox table (shaped like the Spring Modulith / Debezium event publication table): written in the caller's
 * transaction, read and completed by the relay.
 */
final class R2dbcOutbox implements Outbox, OutboxStore {

    private final DatabaseClient db;
    private final OutboundMessages messages;
    private final Clock clock;
    private final Supplier<UUID> ids;

    R2dbcOutbox(DatabaseClient db, OutboundMessages messages, Clock clock, Supplier<UUID> ids) {
        this.db = db;
        this.messages = messages;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Mono<Void> append(List<CaptureEvent> events, String merchantId, String causationId) {
        Instant now = clock.instant();
        return Flux.fromIterable(events).concatMap(event -> {
            UUID id = event.fixedEventId().orElseGet(ids);
            OutboundMessages.Message m = messages.encode(id, event, merchantId, causationId, now);
            return db.sql("insert into outbox (id, aggregate_type, aggregate_id, event_type, payload, "
                            + "publication_date) values (:id, :topic, :key, :type, :payload, :now)")
                    .bind("id", id).bind("topic", m.topic()).bind("key", m.key()).bind("type", m.type())
                    .bind("payload", m.payload()).bind("now", R2dbcScheduleStore.utc(now))
                    .fetch().rowsUpdated();
        }).then();
    }

    @Override
    public Flux<StoredMessage> lockUnpublished(int batch) {
        return db.sql("select id, aggregate_type, aggregate_id, event_type, payload from outbox "
                        + "where completion_date is null order by seq limit :batch for update skip locked")
                .bind("batch", batch)
                .map(r -> new StoredMessage(r.get("id", UUID.class), r.get("aggregate_type", String.class),
                        r.get("aggregate_id", String.class), r.get("event_type", String.class),
                        r.get("payload", byte[].class)))
                .all();
    }

    @Override
    public Mono<Void> markPublished(List<UUID> published) {
        return db.sql("update outbox set completion_date = :now, status = 'COMPLETED', "
                        + "completion_attempts = completion_attempts + 1 where id = any(:ids)")
                .bind("now", R2dbcScheduleStore.utc(clock.instant()))
                .bind("ids", published.toArray(new UUID[0]))
                .fetch().rowsUpdated().then();
    }
}
