package io.holdfast.ingest.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.holdfast.ingest.domain.consult.ConsultOutcome;
import io.holdfast.ingest.domain.consult.ConsultQuery;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;

/**
 * consult with a short per-input cache: a checkout page asks for the same amount, currency, terminal and region many
 * times a minute, and the options change rarely. Only successful answers are cached.
 */
public final class PaymentMethodConsultation {

    private final PaymentMethodCatalog catalog;
    private final Cache<ConsultQuery, ConsultOutcome.Options> cache;

    public PaymentMethodConsultation(PaymentMethodCatalog catalog, Clock clock, Duration ttl, long maxEntries) {
        this.catalog = catalog;
        this.cache = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterWrite(ttl)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    public Mono<ConsultOutcome> consult(ConsultQuery query) {
        return Mono.defer(() -> {
            ConsultOutcome.Options cached = cache.getIfPresent(query);
            if (cached != null) {
                return Mono.just(cached);
            }
            return catalog.consult(query).doOnNext(outcome -> {
                if (outcome instanceof ConsultOutcome.Options options) {
                    cache.put(query, options);
                }
            });
        });
    }
}
