package io.holdfast.ingest.application;

import io.holdfast.ingest.domain.notification.InboundNotification;
import io.holdfast.ingest.domain.notification.NotificationReading;
import java.time.Instant;

/** Port: verifies an inbound notification's signature and client id, then parses its body. */
public interface NotificationReader {

    NotificationReading read(InboundNotification inbound, Instant receivedAt);
}
