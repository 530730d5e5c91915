package io.holdfast.messaging.inbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The {@code inbox} table (shape: {@code io/holdfast/messaging/inbox/inbox.sql}; each service creates it with its own
 * migrations): one row per processed message id and source, written in the transaction of the message's effect, so a
 * redelivery changes nothing. A command's row keeps a fingerprint of its content, so the same commandId with other
 * content is told apart from a redelivery. Every method joins the caller's transaction.
 */
public final class R2dbcInboxStore {

    private final DatabaseClient db;

    public R2dbcInboxStore(DatabaseClient db) {
        this.db = db;
    }

    /** Records a message id; true the first time, false when it was processed before. */
    public Mono<Boolean> firstTime(String source, String messageId, Instant at) {
        return db.sql("insert into inbox (source, message_id, processed_at) values (:source, :id, :at) "
                        + "on conflict do nothing")
                .bind("source", source).bind("id", messageId).bind("at", at.atOffset(ZoneOffset.UTC))
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** Records a command id with the fingerprint of its content. */
    public Mono<InboxSighting> recordCommand(String source, String commandId, String fingerprint, Instant at) {
        return db.sql("insert into inbox (source, message_id, processed_at, fingerprint) "
                        + "values (:source, :id, :at, :fingerprint) on conflict do nothing")
                .bind("source", source).bind("id", commandId).bind("at", at.atOffset(ZoneOffset.UTC))
                .bind("fingerprint", fingerprint)
                .fetch().rowsUpdated()
                .flatMap(rows -> rows == 1 ? Mono.just(InboxSighting.FIRST)
                        : db.sql("select fingerprint from inbox where source = :source and message_id = :id")
                                .bind("source", source).bind("id", commandId)
                                .map(row -> Optional.ofNullable(row.get("fingerprint", String.class)))
                                .one()
                                .map(stored -> stored.isEmpty() || stored.get().equals(fingerprint)
                                        ? InboxSighting.REDELIVERY : InboxSighting.CONFLICT));
    }
}
