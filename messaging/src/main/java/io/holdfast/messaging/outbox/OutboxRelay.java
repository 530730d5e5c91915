package io.holdfast.messaging.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Publishes the outbox to Kafka, at least once, with <b>per-key order</b> as a property of the outbox itself: the
 * events of one key (paymentRequestId) reach Kafka in the order they were committed, however many relays (replicas)
 * run, whichever of them stalls or fails, and across restarts.
 *
 * <p>One pass is one transaction: it claims keys by locking their heads ({@link R2dbcOutboxStore#claim}, {@code
 * FOR UPDATE SKIP LOCKED}; a key's later rows are never eligible while its head is unpublished), takes the claimed
 * keys' later rows, and sends each key's rows one after the other — the next only after Kafka acknowledged the
 * previous — while different keys are sent concurrently. A failed send ends its key's turn: the row stays the head,
 * nothing behind it is sent, and the next pass (of any relay) sends it again. Acknowledged rows are marked published
 * and the transaction commits, releasing the keys. A relay that dies mid-pass releases its keys with its connection;
 * one that hangs releases them after the lease ({@code idle_in_transaction_session_timeout}). A row acknowledged but
 * not yet marked (a crash between the two) is sent again before anything behind it: a duplicate, never a reordering.
 */
public final class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final R2dbcOutboxStore store;
    private final TransactionalOperator transactions;
    private final OutboxPublisher publisher;
    private final Clock clock;
    private final Settings settings;

    /**
     * How a relay works.
     *
     * @param batchSize rows per pass, at most (default 100): keys claimed and their rows together
     * @param lease the longest a pass holds its keys while waiting for Kafka (default 5 min; keep it above the
     *     producer's {@code delivery.timeout.ms}, 2 min by default, so a claim outlives every send it made)
     * @param concurrency keys sent concurrently within a pass (default 32)
     */
    public record Settings(int batchSize, Duration lease, int concurrency) {

        /** Every default: 100 rows, a 5-minute lease, 32 keys at once. */
        public static final Settings DEFAULT = new Settings(0, null, 0);

        public Settings {
            batchSize = batchSize <= 0 ? 100 : batchSize;
            lease = lease == null ? Duration.ofMinutes(5) : lease;
            concurrency = concurrency <= 0 ? 32 : concurrency;
        }
    }

    public OutboxRelay(R2dbcOutboxStore store, TransactionalOperator transactions, OutboxPublisher publisher,
            Clock clock, Settings settings) {
        this.store = store;
        this.transactions = transactions;
        this.publisher = publisher;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * What one pass did.
     *
     * @param taken rows the pass took: claimed heads and their later rows
     * @param published rows acknowledged by Kafka and marked published
     */
    public record Pass(int taken, int published) {
    }

    /** One pass: the number of rows published (acknowledged and marked). */
    public Mono<Integer> relayOnce() {
        return pass().map(Pass::published);
    }

    /**
     * One pass, in one transaction: takes every claimable row up to {@code batchSize} (not one) with one statement,
     * sends them, and marks the acknowledged ones published with one statement.
     */
    public Mono<Pass> pass() {
        Mono<Pass> pass = store.claim(settings.batchSize(), settings.lease()).collectList()
                .flatMap(rows -> {
                    if (rows.isEmpty()) {
                        return Mono.just(new Pass(0, 0));
                    }
                    Map<String, List<OutboxMessage>> chains = chains(rows);
                    return publish(chains).map(published -> new Pass(taken(chains), published));
                });
        return transactions.transactional(pass);
    }

    /** Whether a pass took as many rows as a pass may: more may be waiting. */
    public boolean full(Pass pass) {
        return pass.taken() >= settings.batchSize();
    }

    private static int taken(Map<String, List<OutboxMessage>> chains) {
        return chains.values().stream().mapToInt(List::size).sum();
    }

    /**
     * The claimed keys, each with its unpublished rows in commit order (the head first), from the claim's rows: the
     * heads, then the later rows by commit order.
     */
    private static Map<String, List<OutboxMessage>> chains(List<OutboxMessage> rows) {
        Map<String, List<OutboxMessage>> byKey = new LinkedHashMap<>();
        for (OutboxMessage row : rows) {
            // the claim returns each row once, joined to its key's one head, and a key's rows in commit order
            byKey.computeIfAbsent(row.key(), k -> new ArrayList<>()).add(row);
        }
        return byKey;
    }

    private Mono<Integer> publish(Map<String, List<OutboxMessage>> chains) {
        return Flux.fromIterable(chains.values())
                .flatMap(this::sendInOrder, settings.concurrency())
                .collectList()
                .flatMap(results -> {
                    List<UUID> published = new ArrayList<>();
                    results.forEach(r -> published.addAll(r.published()));
                    Mono<Void> failures = Flux.fromIterable(results)
                            .filter(r -> r.failed() != null)
                            .concatMap(r -> store.recordFailure(r.failed(), clock.instant()))
                            .then();
                    return store.complete(published, clock.instant()).then(failures).thenReturn(published.size());
                });
    }

    /** Sends one key's rows one at a time, each after the previous was acknowledged; stops at the first failure. */
    private Mono<KeyResult> sendInOrder(List<OutboxMessage> chain) {
        List<UUID> published = new ArrayList<>();
        return Flux.fromIterable(chain)
                .concatMap(message -> publisher.publish(message).thenReturn(message.id()))
                .doOnNext(published::add)
                .then(Mono.fromSupplier(() -> new KeyResult(published, null)))
                .onErrorResume(error -> {
                    OutboxMessage failed = chain.get(published.size());
                    log.warn("outbox: sending event {} ({}, key {}) failed; it stays first in line for its key and is "
                            + "sent again by the next pass", failed.id(), failed.type(), failed.key(), error);
                    return Mono.just(new KeyResult(published, failed.id()));
                });
    }

    private record KeyResult(List<UUID> published, UUID failed) {
    }
}
