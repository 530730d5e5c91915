package io.holdfast.capture.config;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code holdfast.capture.scheduler.*}: how due work is polled and claimed. Polling runs on real time; whether a row is due
 * is decided on the injected clock only.
 *
 * @param enabled run the polling loops (false: a test drives them)
 * @param pollInterval real-time pause between two passes
 * @param batch rows claimed per pass
 * @param lease how long a claim keeps other replicas off a row (on the injected clock)
 * @param owner this replica's name on claimed rows; the JVM name when empty
 * @param metricsInterval how often the money-at-risk gauges are recomputed
 * @param concurrency claimed rows worked at once per replica
 * @param parkedRetention how long a notifyCapture that arrived before its PaymentAuthorized is kept
 * @param purgeInterval how often parked notifications older than the retention are deleted
 */
@ConfigurationProperties("holdfast.capture.scheduler")
public record SchedulerProperties(Boolean enabled, Duration pollInterval, Integer batch, Duration lease, String owner,
        Duration metricsInterval, Integer concurrency, Duration parkedRetention, Duration purgeInterval) {

    public SchedulerProperties {
        enabled = enabled == null || enabled;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        batch = batch == null ? 50 : batch;
        lease = lease == null ? Duration.ofMinutes(2) : lease;
        owner = owner == null || owner.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : owner;
        metricsInterval = metricsInterval == null ? Duration.ofSeconds(30) : metricsInterval;
        concurrency = concurrency == null ? 8 : concurrency;
        parkedRetention = parkedRetention == null ? Duration.ofDays(7) : parkedRetention;
        purgeInterval = purgeInterval == null ? Duration.ofHours(1) : purgeInterval;
    }
}
