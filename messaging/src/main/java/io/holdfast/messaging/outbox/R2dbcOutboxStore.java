package io.holdfast.messaging.outbox;

import io.holdfast.messaging.wakeup.Wakeup;
import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code outbox} table (shape: {@code io/holdfast/messaging/outbox/outbox.sql}; each service creates it with its
 * own migrations). Writers {@link #append} in their own transaction; the {@link OutboxRelay} claims, completes and
 * counts. A row is unpublished while {@code completion_date} is null.
 */
public final class R2dbcOutboxStore {

    private static final String COLUMNS = "o.id, o.seq, o.aggregate_type, o.aggregate_id, o.event_type, o.payload";

    private final DatabaseClient db;
    private final Wakeup committed;

    /** A store whose appends wake nothing (the relay finds them at its next poll). */
    public R2dbcOutboxStore(DatabaseClient db) {
        this(db, new Wakeup());
    }

    /**
     * A store that signals {@code committed} once an appending transaction has committed: give the same {@link Wakeup}
     * to the {@link OutboxRelayLoop}, which then publishes the rows at once instead of at its next poll.
     */
    public R2dbcOutboxStore(DatabaseClient db, Wakeup committed) {
        this.db = db;
        this.committed = committed;
    }

    /** The backlog: unpublished rows, how many of them are older than a threshold, and the oldest one's age. */
    public record Backlog(long unpublished, long stale, Duration oldest) {
    }

    /**
     * Appends rows in order (their {@code seq} follows the list); joins the caller's transaction, and signals the
     * store's {@link Wakeup} once it has committed.
     */
    public Mono<Void> append(List<OutboxEntry> entries) {
        if (entries.isEmpty()) {
            return Mono.empty();
        }
        return Flux.fromIterable(entries).concatMap(e -> db.sql("insert into outbox (id, aggregate_type, aggregate_id, "
                        + "event_type, payload, publication_date, status) "
                        + "values (:id, :topic, :key, :type, :payload, :at, 'PENDING')")
                        .bind("id", e.id()).bind("topic", e.topic()).bind("key", e.key()).bind("type", e.type())
                        .bind("payload", e.payload()).bind("at", utc(e.at()))
                        .fetch().rowsUpdated())
                .then(committed.signalAfterCommit());
    }

    /**
     * Claims up to {@code limit} keys by locking their heads — the oldest unpublished row of each key — and returns those
     * heads (in commit order) followed by the claimed keys' later unpublished rows (in commit order), at most {@code
     * limit} rows in all. A head locked by another relay is skipped; a row that is not its key's head is never
     * claimable, so no key is ever claimed by two relays and no row overtakes an older one of its key. The later rows
     * are not locked: no other relay can take them while their head is claimed. The locks last until the relay's
     * transaction ends, and that transaction may hold them for at most {@code lease} while it waits for Kafka:
     * PostgreSQL ends a session idle in its transaction longer than that ({@code idle_in_transaction_session_timeout},
     * set for this transaction by every returned row), which rolls it back and releases the keys — a relay frozen or
     * cut off from the database cannot hold them forever. One statement, one round trip; join the relay's transaction.
     */
    Flux<OutboxMessage> claim(int limit, Duration lease) {
        return db.sql("with heads as (select o.aggregate_id, o.seq from outbox o where o.completion_date is null "
                        + "and not exists (select 1 from outbox e where e.aggregate_id = o.aggregate_id "
                        + "and e.completion_date is null and e.seq < o.seq) "
                        + "order by o.seq limit :limit for update of o skip locked) "
                        + "select set_config('idle_in_transaction_session_timeout', :lease, true) as lease, " + COLUMNS
                        + " from outbox o join heads h on h.aggregate_id = o.aggregate_id "
                        + "where o.completion_date is null and o.seq >= h.seq "
                        + "order by o.seq = h.seq desc, o.seq limit :limit")
                .bind("limit", limit).bind("lease", Long.toString(Math.max(1, lease.toMillis())))
                .map(R2dbcOutboxStore::message).all();
    }

    /** Marks rows published (Kafka acknowledged them). */
    Mono<Void> complete(Collection<UUID> ids, Instant now) {
        if (ids.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("update outbox set completion_date = :now, status = 'COMPLETED', "
                        + "completion_attempts = completion_attempts + 1 where id = any(:ids)")
                .bind("now", utc(now)).bind("ids", ids.toArray(new UUID[0])).fetch().rowsUpdated().then();
    }

    /** Counts a failed send of a row, which stays its key's head and is sent again by the next pass. */
    Mono<Void> recordFailure(UUID id, Instant now) {
        return db.sql("update outbox set completion_attempts = completion_attempts + 1, "
                        + "last_resubmission_date = :now where id = :id")
                .bind("now", utc(now)).bind("id", id).fetch().rowsUpdated().then();
    }

    /** The backlog at {@code now}; a row older than {@code staleAfter} counts as stale. */
    public Mono<Backlog> backlog(Instant now, Duration staleAfter) {
        return db.sql("select count(*) as n, count(*) filter (where publication_date < :limit) as stale, "
                        + "min(publication_date) as first from outbox where completion_date is null")
                .bind("limit", utc(now.minus(staleAfter)))
                .map(row -> {
                    OffsetDateTime first = row.get("first", OffsetDateTime.class);
                    return new Backlog(row.get("n", Long.class), row.get("stale", Long.class),
                            first == null ? Duration.ZERO : Duration.between(first.toInstant(), now));
                })
                .one();
    }

    /** Deletes published rows completed more than {@code retention} ago; returns how many. */
    public Mono<Long> purgeCompleted(Instant now, Duration retention) {
        return db.sql("delete from outbox where completion_date < :limit")
                .bind("limit", utc(now.minus(retention))).fetch().rowsUpdated();
    }

    private static OutboxMessage message(Readable row) {
        return new OutboxMessage(row.get("id", UUID.class), row.get("seq", Long.class),
                row.get("aggregate_type", String.class), row.get("aggregate_id", String.class),
                row.get("event_type", String.class), row.get("payload", byte[].class));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
