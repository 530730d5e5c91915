package io.holdfast.ingest.domain.merchant;

import java.time.Duration;

/**
 * A token bucket: {@code capacity} requests at once, refilled at {@code refillPerSecond}. Time is passed in (epoch
 * millis from an injected clock), so tests move it by hand. Thread-safe.
 */
public final class TokenBucket {

    private final double capacity;
    private final double refillPerMilli;
    private double tokens;
    private long lastMillis;

    public TokenBucket(int capacity, double refillPerSecond, long nowMillis) {
        if (capacity < 1 || refillPerSecond <= 0) {
            throw new IllegalArgumentException("capacity must be >= 1 and refillPerSecond > 0");
        }
        this.capacity = capacity;
        this.refillPerMilli = refillPerSecond / 1000.0;
        this.tokens = capacity;
        this.lastMillis = nowMillis;
    }

    /** Takes one token, or says how long until one is available. */
    public synchronized RateDecision tryTake(long nowMillis) {
        if (nowMillis > lastMillis) {
            tokens = Math.min(capacity, tokens + (nowMillis - lastMillis) * refillPerMilli);
            lastMillis = nowMillis;
        }
        if (tokens >= 1.0) {
            tokens -= 1.0;
            return RateDecision.ALLOWED;
        }
        long waitMillis = (long) Math.ceil((1.0 - tokens) / refillPerMilli);
        return new RateDecision.Limited(Duration.ofMillis(Math.max(1, waitMillis)));
    }
}
