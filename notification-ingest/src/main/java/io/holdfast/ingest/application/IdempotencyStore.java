package io.holdfast.ingest.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Idempotency records of merchant requests, scoped per merchant, in a bounded in-memory store with a TTL. Holds a
 * final answer for replay; an answer that may change (503) releases the key so the retry runs again. Being in memory,
 * records do not survive a restart and are per replica: what then still guards downstream is the deterministic
 * commandId (derived from merchant and key), which the consuming services deduplicate on.
 */
public final class IdempotencyStore {

    private final Cache<Key, Entry> entries;

    public IdempotencyStore(Clock clock, Duration ttl, long maxEntries) {
        this.entries = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterWrite(ttl)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    record Key(String merchantId, String idempotencyKey) {
    }

    private record Entry(String fingerprint, CommandResult result) {
    }

    /** What to do with a request. */
    public sealed interface Claim {
    }

    /** First time: run it, then {@link #complete} or {@link #release}. */
    public record Fresh(String merchantId, String idempotencyKey, String fingerprint) implements Claim {
    }

    /** Identical to an earlier request with a final answer: answer the same. */
    public record Replay(CommandResult result) implements Claim {
    }

    /** The key was used for a different request (409). */
    public record Conflict() implements Claim {
    }

    /** An identical request with this key is still running (409, retry later). */
    public record InProgress() implements Claim {
    }

    public Claim claim(String merchantId, String idempotencyKey, String fingerprint) {
        Key key = new Key(merchantId, idempotencyKey);
        Entry mine = new Entry(fingerprint, null);
        Entry existing = entries.asMap().putIfAbsent(key, mine);
        if (existing == null) {
            return new Fresh(merchantId, idempotencyKey, fingerprint);
        }
        if (!existing.fingerprint().equals(fingerprint)) {
            return new Conflict();
        }
        return existing.result() == null ? new InProgress() : new Replay(existing.result());
    }

    /** Keeps a final answer for replay, or frees the key when the answer may change. */
    public void complete(Fresh claim, CommandResult result) {
        Key key = new Key(claim.merchantId(), claim.idempotencyKey());
        if (result.isFinal()) {
            entries.put(key, new Entry(claim.fingerprint(), result));
        } else {
            release(claim);
        }
    }

    public void release(Fresh claim) {
        entries.asMap().remove(new Key(claim.merchantId(), claim.idempotencyKey()), new Entry(claim.fingerprint(), null));
    }
}
