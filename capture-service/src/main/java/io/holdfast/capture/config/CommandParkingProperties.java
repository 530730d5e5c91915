package io.holdfast.capture.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code holdfast.capture.command-parking.*}: CapturePayment commands for a payment not known here yet.
 *
 * @param timeout how long such a command stays parked, waiting for its PaymentAuthorized, before it is rejected as
 *     UNKNOWN_PAYMENT (default 1 h: generous against a lagging events consumer, finite for a wrong paymentRequestId)
 * @param checkInterval how often commands parked longer than the timeout are looked for (real time)
 */
@ConfigurationProperties("holdfast.capture.command-parking")
public record CommandParkingProperties(Duration timeout, Duration checkInterval) {

    public CommandParkingProperties {
        timeout = timeout == null ? Duration.ofHours(1) : timeout;
        checkInterval = checkInterval == null ? Duration.ofMinutes(1) : checkInterval;
    }
}
