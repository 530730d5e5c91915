package io.holdfast.capture.config;

import io.holdfast.messaging.outbox.OutboxRelay;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code holdfast.capture.outbox.*}: the outbox relay (the {@code messaging} module's {@code OutboxRelay}).
 *
 * @param pollInterval real-time pause after a pass that published nothing when nothing woke the relay (default 2 s):
 *     rows this service commits wake it at once; the poll finds the rest (another replica's, a crash's, a failed send)
 * @param batch messages per pass (default 100)
 * @param lease the longest a pass holds its payments while it waits for Kafka (default 5 min)
 */
@ConfigurationProperties("holdfast.capture.outbox")
public record OutboxRelayProperties(Duration pollInterval, Integer batch, Duration lease) {

    public OutboxRelayProperties {
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
        batch = batch == null ? 100 : batch;
        lease = lease == null ? OutboxRelay.Settings.DEFAULT.lease() : lease;
    }
}
