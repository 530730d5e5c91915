package io.holdfast.ingest.config;

import io.holdfast.ingest.application.MerchantDirectory;
import io.holdfast.ingest.application.MerchantRateLimiter;
import io.holdfast.ingest.domain.merchant.Merchant;
import io.holdfast.ingest.domain.merchant.Scope;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Builds the merchant directory and rate limits from {@code holdfast.ingest.merchants[n]}, validating at start-up. */
final class Merchants {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private Merchants() {
    }

    static MerchantDirectory directory(List<IngestProperties.MerchantProperties> configured) {
        Map<String, Merchant> byHash = new HashMap<>();
        for (IngestProperties.MerchantProperties m : configured) {
            if (m.id() == null || m.id().isBlank()) {
                throw new IllegalStateException("holdfast.ingest.merchants[].id is required");
            }
            String hash = m.apiKeySha256() == null ? "" : m.apiKeySha256().strip().toLowerCase(Locale.ROOT);
            if (!SHA256_HEX.matcher(hash).matches()) {
                throw new IllegalStateException("merchant " + m.id() + ": api-key-sha256 must be 64 hex digits");
            }
            Set<Scope> scopes = m.scopes().isEmpty() ? EnumSet.allOf(Scope.class) : EnumSet.noneOf(Scope.class);
            m.scopes().forEach(s -> scopes.add(Scope.fromValue(s.strip())));
            String prefix = m.paymentRequestIdPrefix() == null ? m.id() + "-" : m.paymentRequestIdPrefix();
            if (byHash.put(hash, new Merchant(m.id(), scopes, prefix)) != null) {
                throw new IllegalStateException("two merchants share one API key hash");
            }
        }
        return new MerchantDirectory(byHash);
    }

    static MerchantRateLimiter rateLimiter(Clock clock, IngestProperties properties) {
        Map<String, MerchantRateLimiter.Limit> limits = new HashMap<>();
        for (IngestProperties.MerchantProperties m : properties.merchants()) {
            if (m.rateLimit() != null) {
                limits.put(m.id(), limit(m.rateLimit()));
            }
        }
        return new MerchantRateLimiter(clock, limits, limit(properties.defaultRateLimit()));
    }

    private static MerchantRateLimiter.Limit limit(IngestProperties.RateLimit rateLimit) {
        return new MerchantRateLimiter.Limit(rateLimit.capacity(), rateLimit.refillPerSecond());
    }
}
