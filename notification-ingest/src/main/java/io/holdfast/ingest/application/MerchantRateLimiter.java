package io.holdfast.ingest.application;

import io.holdfast.ingest.domain.merchant.RateDecision;
import io.holdfast.ingest.domain.merchant.TokenBucket;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One token bucket per merchant (OWASP API4): over the limit, a request is answered 429 with Retry-After. */
public final class MerchantRateLimiter {

    private final Clock clock;
    private final Map<String, Limit> limits;
    private final Limit defaultLimit;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    /**
     * @param limits per merchant id; merchants not listed get {@code defaultLimit}
     */
    public MerchantRateLimiter(Clock clock, Map<String, Limit> limits, Limit defaultLimit) {
        this.clock = clock;
        this.limits = Map.copyOf(limits);
        this.defaultLimit = defaultLimit;
    }

    /** A burst of {@code capacity} requests, refilled at {@code refillPerSecond}. */
    public record Limit(int capacity, double refillPerSecond) {
    }

    public RateDecision check(String merchantId) {
        TokenBucket bucket = buckets.computeIfAbsent(merchantId, id -> {
            Limit limit = limits.getOrDefault(id, defaultLimit);
            return new TokenBucket(limit.capacity(), limit.refillPerSecond(), clock.millis());
        });
        return bucket.tryTake(clock.millis());
    }
}
