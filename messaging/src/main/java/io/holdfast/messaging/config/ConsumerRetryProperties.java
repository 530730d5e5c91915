package io.holdfast.messaging.config;

import io.holdfast.messaging.consumer.ConsumerErrorPolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code holdfast.messaging.consumer.retry.*}: the backoff of transient consumer failures. There is deliberately no
 * maximum number of attempts and no maximum elapsed time: a record that failed for a transient reason is retried
 * until the outage ends, and the {@code holdfast.consumer.retry.time} gauge raises the alert.
 *
 * @param initialInterval the first pause (default 500 ms)
 * @param multiplier growth per attempt (default 2)
 * @param maxInterval the cap between attempts (default 30 s)
 */
@ConfigurationProperties("holdfast.messaging.consumer.retry")
public record ConsumerRetryProperties(Duration initialInterval, Double multiplier, Duration maxInterval) {

    public ConsumerRetryProperties {
        ConsumerErrorPolicy.Backoff d = ConsumerErrorPolicy.Backoff.DEFAULT;
        initialInterval = initialInterval != null ? initialInterval : d.initialInterval();
        multiplier = multiplier != null ? multiplier : d.multiplier();
        maxInterval = maxInterval != null ? maxInterval : d.maxInterval();
    }

    public ConsumerErrorPolicy.Backoff backoff() {
        return new ConsumerErrorPolicy.Backoff(initialInterval, multiplier, maxInterval);
    }
}
