package io.holdfast.alipay.sandbox.core;

/** Where the engine hands notifications for delivery. Called while the engine lock is held: must not block. */
@FunctionalInterface
public interface NotificationSink {

    void enqueue(OutboundNotification notification);
}
