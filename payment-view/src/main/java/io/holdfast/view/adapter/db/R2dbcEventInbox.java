package io.holdfast.view.adapter.db;

import io.holdfast.messaging.inbox.R2dbcInboxStore;
import io.holdfast.view.application.EventInbox;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** The event inbox on messaging's {@link R2dbcInboxStore}, source {@code payments.events}. */
final class R2dbcEventInbox implements EventInbox {

    static final String SOURCE = "payments.events";

    private final R2dbcInboxStore inbox;

    R2dbcEventInbox(R2dbcInboxStore inbox) {
        this.inbox = inbox;
    }

    @Override
    public Mono<Boolean> firstTime(String eventId, Instant at) {
        return inbox.firstTime(SOURCE, eventId, at);
    }
}
