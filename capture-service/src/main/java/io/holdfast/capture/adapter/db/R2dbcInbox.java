package io.holdfast.capture.adapter.db;

import io.holdfast.capture.application.CommandSighting;
import io.holdfast.capture.application.Inbox;
import java.time.Instant;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** The inbox table: one row per processed message id and source. */
final class R2dbcInbox implements Inbox {

    private final DatabaseClient db;

    R2dbcInbox(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Boolean> firstTime(String source, String messageId, Instant now) {
        return db.sql("insert into inbox (source, message_id, processed_at) values (:source, :id, :now) "
                        + "on conflict do nothing")
                .bind("source", source).bind("id", messageId).bind("now", R2dbcScheduleStore.utc(now))
                .fetch().rowsUpdated().map(n -> n == 1);
    }

    @Override
    public Mono<CommandSighting> recordCommand(String source, String commandId, String fingerprint, Instant now) {
        return db.sql("insert into inbox (source, message_id, processed_at, fingerprint) "
                        + "values (:source, :id, :now, :fingerprint) on conflict do nothing")
                .bind("source", source).bind("id", commandId).bind("now", R2dbcScheduleStore.utc(now))
                .bind("fingerprint", fingerprint)
                .fetch().rowsUpdated()
                .flatMap(n -> n == 1 ? Mono.just(CommandSighting.FIRST)
                        : db.sql("select fingerprint from inbox where source = :source and message_id = :id")
                                .bind("source", source).bind("id", commandId)
                                .map(row -> Optional.ofNullable(row.get("fingerprint", String.class)))
                                .one()
                                .map(stored -> stored.isEmpty() || stored.get().equals(fingerprint)
                                        ? CommandSighting.REDELIVERY : CommandSighting.CONFLICT));
    }
}
