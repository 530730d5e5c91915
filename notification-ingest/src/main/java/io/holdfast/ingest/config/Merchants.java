package io.holdfast.ingest.config;

import io.holdfast.ingest.application.MerchantDirectory;
import io.holdfast.ingest.application.MerchantRateLimiter;
import io.holdfast.ingest.domain.merchant.Merchant;
import io.holdfast.ingest.domain.merchant.Scope;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
        Map<String, String> prefixById = new LinkedHashMap<>();
        for (int i = 0; i < configured.size(); i++) {
            IngestProperties.MerchantProperties m = configured.get(i);
            if (m.id() == null || m.id().isBlank()) {
                throw new IllegalStateException("holdfast.ingest.merchants[" + i + "].id is required");
            }
            String hash = m.apiKeySha256() == null ? "" : m.apiKeySha256().strip().toLowerCase(Locale.ROOT);
            if (!SHA256_HEX.matcher(hash).matches()) {
                throw new IllegalStateException("merchant " + m.id() + ": api-key-sha256 must be 64 hex digits");
            }
            Set<Scope> scopes = m.scopes().isEmpty() ? EnumSet.allOf(Scope.class) : EnumSet.noneOf(Scope.class);
            m.scopes().forEach(s -> scopes.add(Scope.fromValue(s.strip())));
            String prefix = m.paymentRequestIdPrefix() == null ? m.id() + "-" : m.paymentRequestIdPrefix();
            if (prefix.isBlank()) {
                throw new IllegalStateException("holdfast.ingest.merchants[" + i + "].payment-request-id-prefix of"
                        + " merchant " + m.id() + " is empty: an empty prefix would own every paymentRequestId");
            }
            if (prefixById.put(m.id(), prefix) != null) {
                throw new IllegalStateException("merchant id " + m.id() + " is configured twice: the services tell"
                        + " merchants apart by merchantId, so each id must be unique");
            }
            if (byHash.put(hash, new Merchant(m.id(), scopes, prefix)) != null) {
                throw new IllegalStateException("two merchants share one API key hash");
            }
        }
        requireDisjointPrefixes(prefixById);
        return new MerchantDirectory(byHash);
    }

    /**
     * No merchant's paymentRequestId prefix may be a prefix of another's (nor equal to it): with {@code acme-} and
     * {@code acme-eu-}, merchant acme would pass the edge's check for every id of acme-eu.
     */
    private static void requireDisjointPrefixes(Map<String, String> prefixById) {
        for (Map.Entry<String, String> a : prefixById.entrySet()) {
            for (Map.Entry<String, String> b : prefixById.entrySet()) {
                if (!a.getKey().equals(b.getKey()) && b.getValue().startsWith(a.getValue())) {
                    throw new IllegalStateException("payment-request-id-prefix '" + a.getValue() + "' of merchant "
                            + a.getKey() + " is a prefix of '" + b.getValue() + "' of merchant " + b.getKey()
                            + ": " + a.getKey() + " would own " + b.getKey() + "'s paymentRequestIds; make the"
                            + " prefixes disjoint (e.g. end each with a separator no merchant id contains)");
                }
            }
        }
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
