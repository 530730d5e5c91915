package io.holdfast.authorization.adapter.db;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The relay's side of the outbox: takes pending rows in order, lets the caller publish them, and marks them completed
 * in the same transaction. One replica relays at a time (a transaction-scoped advisory lock), so one payment's events
 * reach Kafka in the order they were decided. A row whose publication failed stays pending and is counted as a
 * resubmission.
 */
public final class R2dbcOutbox {

    /** Advisory lock id of the relay ("HFOUTBOX" in ASCII). */
    private static final long RELAY_LOCK = 0x48464F5554424F58L;

    private final DatabaseClient db;
    private final TransactionalOperator transactions;

    public R2dbcOutbox(DatabaseClient db, TransactionalOperator transactions) {
        this.db = db;
        this.transactions = transactions;
    }

    /**
     * Publishes up to {@code limit} pending rows with {@code publish} (which completes when the broker acknowledged
     * them all) and marks them completed; returns how many were published.
     */
    public Mono<Integer> relay(int limit, Instant now, Function<List<OutboxRecord>, Mono<Void>> publish) {
        Mono<Integer> work = db.sql("select pg_try_advisory_xact_lock(:key) as mine").bind("key", RELAY_LOCK)
                .map(row -> row.get("mine", Boolean.class)).one()
                .flatMap(mine -> mine ? publishPending(limit, now, publish) : Mono.just(0));
        return transactions.transactional(work);
    }

    private Mono<Integer> publishPending(int limit, Instant now, Function<List<OutboxRecord>, Mono<Void>> publish) {
        return db.sql("select id, aggregate_type, aggregate_id, event_type, payload from outbox "
                        + "where status = 'PENDING' order by seq limit :limit for update skip locked")
                .bind("limit", limit)
                .map(row -> new OutboxRecord(row.get("id", UUID.class), row.get("aggregate_type", String.class),
                        row.get("aggregate_id", String.class), row.get("event_type", String.class),
                        toBytes(row.get("payload"))))
                .all().collectList()
                .flatMap(batch -> batch.isEmpty() ? Mono.just(0)
                        : publish.apply(batch).then(complete(batch, now)).thenReturn(batch.size()));
    }

    /** Counts pending rows older than {@code staleAfter}: the relay is stuck if this grows. */
    public Mono<Long> stale(Instant now, Duration staleAfter) {
        return db.sql("select count(*) as n from outbox where status = 'PENDING' and publication_date < :limit")
                .bind("limit", now.minus(staleAfter)).map(row -> row.get("n", Long.class)).one();
    }

    /** Deletes completed rows older than {@code retention}; returns how many. */
    public Mono<Long> purgeCompleted(Instant now, Duration retention) {
        return db.sql("delete from outbox where status = 'COMPLETED' and completion_date < :limit")
                .bind("limit", now.minus(retention)).fetch().rowsUpdated();
    }

    /** Records a failed publication attempt on the pending rows (in its own transaction). */
    public Mono<Void> recordFailure(Instant now) {
        return db.sql("update outbox set completion_attempts = completion_attempts + 1, last_resubmission_date = :now "
                        + "where status = 'PENDING'")
                .bind("now", now).fetch().rowsUpdated().then();
    }

    private Mono<Void> complete(List<OutboxRecord> batch, Instant now) {
        return Flux.fromIterable(batch).concatMap(record -> db.sql("update outbox set status = 'COMPLETED', "
                        + "completion_date = :now, completion_attempts = completion_attempts + 1 where id = :id")
                        .bind("now", now).bind("id", record.id()).fetch().rowsUpdated())
                .then();
    }

    private static byte[] toBytes(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof java.nio.ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        }
        throw new IllegalStateException("unexpected payload type " + (value == null ? null : value.getClass()));
    }
}
