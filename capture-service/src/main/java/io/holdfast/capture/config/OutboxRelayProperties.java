package io.holdfast.capture.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code holdfast.capture.outbox.*}: the outbox publisher.
 *
 * @param pollInterval real-time pause between two passes
 * @param batch messages per pass
 */
@ConfigurationProperties("holdfast.capture.outbox")
public record OutboxRelayProperties(Duration pollInterval, Integer batch) {

    public OutboxRelayProperties {
        pollInterval = pollInterval == null ? Duration.ofMillis(200) : pollInterval;
        batch = batch == null ? 100 : batch;
    }
}
