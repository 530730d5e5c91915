package io.holdfast.capture.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code outbox.relay.*}: the outbox publisher.
 *
 * @param pollInterval real-time pause between two passes
 * @param batch messages per pass
 */
@ConfigurationProperties("outbox.relay")
public record OutboxRelayProperties(Duration pollInterval, Integer batch) {

    public OutboxRelayProperties {
        pollInterval = pollInterval == null ? Duration.ofMillis(200) : pollInterval;
        batch = batch == null ? 100 : batch;
    }
}
