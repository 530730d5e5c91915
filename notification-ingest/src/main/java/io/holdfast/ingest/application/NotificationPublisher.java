package io.holdfast.ingest.application;

import io.holdfast.ingest.domain.notification.VerifiedNotification;
import java.util.concurrent.CompletableFuture;

/**
 * Port: publishes a verified notification on {@code alipay.notifications}. The future completes normally only when
 * the broker confirmed the write (acks=all) and exceptionally when it did not within the delivery timeout; it
 * always completes, whether or not anyone still waits for it.
 */
public interface NotificationPublisher {

    CompletableFuture<Void> publish(VerifiedNotification notification);
}
