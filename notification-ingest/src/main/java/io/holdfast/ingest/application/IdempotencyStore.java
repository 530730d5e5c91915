package io.holdfast.ingest.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Idempotency records of merchant requests, one per scope (merchant, operation, paymentRequestId, Idempotency-Key),
 * keyed by the commandId that scope derives. A final answer is kept for replay and shared with every replica through
 * the {@link IdempotencyLog} (the edge writes its record when it accepts; each replica reads all records into this
 * store before it is ready, then keeps following them). An answer that may change (503) releases the key so the retry
 * runs again.
 *
 * <p>Records expire {@code ttl} after they were recorded (wherever that was). The store is bounded: a record evicted
 * here, like one expired, no longer gives a 409; what then still guards is downstream: the services remember each
 * commandId with a fingerprint of its content and reject the same commandId with other content
 * ({@code DUPLICATE_COMMAND_ID_CONFLICT}).
 */
public final class IdempotencyStore {

    private final Cache<String, Entry> entries;
    private final Clock clock;
    private final Duration ttl;
    private volatile boolean loaded = true;

    public IdempotencyStore(Clock clock, Duration ttl, long maxEntries) {
        this.clock = clock;
        this.ttl = ttl;
        this.entries = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfter(new Expiry<String, Entry>() {
                    @Override
                    public long expireAfterCreate(String key, Entry entry, long now) {
                        return remaining(entry);
                    }

                    @Override
                    public long expireAfterUpdate(String key, Entry entry, long now, long current) {
                        return remaining(entry);
                    }

                    @Override
                    public long expireAfterRead(String key, Entry entry, long now, long current) {
                        return current;
                    }
                })
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    private long remaining(Entry entry) {
        return Math.max(0, Duration.between(clock.instant(), entry.recordedAt().plus(ttl)).toNanos());
    }

    private record Entry(String fingerprint, CommandResult result, Instant recordedAt) {
    }

    /** What to do with a request. */
    public sealed interface Claim {
    }

    /** First time: run it, then {@link #complete} or {@link #release}. */
    public record Fresh(String commandId, String fingerprint) implements Claim {
    }

    /** Identical to an earlier request with a final answer: answer the same. */
    public record Replay(CommandResult result) implements Claim {
    }

    /** The key was used for a different request in the same scope (409). */
    public record Conflict() implements Claim {
    }

    /** An identical request with this key is still running (409, retry later). */
    public record InProgress() implements Claim {
    }

    /** The shared records are not read yet (503, retry): a claim now could miss a conflict. */
    public record NotLoaded() implements Claim {
    }

    /**
     * @param commandId the scope's commandId (see {@code CommandId}), the record's key
     * @param fingerprint identifies the request content (see {@link RequestFingerprint})
     */
    public Claim claim(String commandId, String fingerprint) {
        if (!loaded) {
            return new NotLoaded();
        }
        Entry mine = new Entry(fingerprint, null, clock.instant());
        Entry existing = entries.asMap().putIfAbsent(commandId, mine);
        if (existing == null) {
            return new Fresh(commandId, fingerprint);
        }
        if (!existing.fingerprint().equals(fingerprint)) {
            return new Conflict();
        }
        return existing.result() == null ? new InProgress() : new Replay(existing.result());
    }

    /**
     * Keeps a final answer for replay and returns the record to share, or frees the key when the answer may change
     * (then there is nothing to share).
     */
    public Optional<IdempotencyRecord> complete(Fresh claim, CommandResult result) {
        if (!result.isFinal()) {
            release(claim);
            return Optional.empty();
        }
        Instant now = clock.instant();
        entries.put(claim.commandId(), new Entry(claim.fingerprint(), result, now));
        return Optional.of(new IdempotencyRecord(claim.commandId(), claim.fingerprint(), result, now));
    }

    public void release(Fresh claim) {
        entries.asMap().computeIfPresent(claim.commandId(),
                (key, entry) -> entry.result() == null && entry.fingerprint().equals(claim.fingerprint()) ? null
                        : entry);
    }

    /**
     * Takes a record from the shared log (another replica's, an earlier life's of this one, or this one's own echo).
     * The first final record of a scope wins: a later different one (two replicas raced) does not replace it, and a
     * request running here is left to finish. Expired records are skipped.
     */
    public void remember(IdempotencyRecord record) {
        if (!record.recordedAt().plus(ttl).isAfter(clock.instant())) {
            return;
        }
        entries.asMap().merge(record.commandId(), new Entry(record.fingerprint(), record.result(), record.recordedAt()),
                (existing, shared) -> existing.result() == null && existing.fingerprint().equals(shared.fingerprint())
                        ? shared : existing);
    }

    /** Whether a live record (final or running) of this scope is held; changes nothing. */
    public boolean knows(String commandId) {
        return entries.getIfPresent(commandId) != null;
    }

    /** Refuses claims (503) until {@link #markLoaded()}: the shared records are being read. */
    public void markLoading() {
        loaded = false;
    }

    /** Every shared record written before start-up has been read. */
    public void markLoaded() {
        loaded = true;
    }

    public boolean isLoaded() {
        return loaded;
    }
}
