package io.holdfast.capture.adapter.db;

import io.holdfast.capture.application.CommandSighting;
import io.holdfast.capture.application.Inbox;
import io.holdfast.messaging.inbox.InboxSighting;
import io.holdfast.messaging.inbox.R2dbcInboxStore;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** The inbox port on the shared inbox table ({@code messaging} module): one row per processed message id and source. */
final class R2dbcInbox implements Inbox {

    private final R2dbcInboxStore store;

    R2dbcInbox(R2dbcInboxStore store) {
        this.store = store;
    }

    @Override
    public Mono<Boolean> firstTime(String source, String messageId, Instant now) {
        return store.firstTime(source, messageId, now);
    }

    @Override
    public Mono<CommandSighting> recordCommand(String source, String commandId, String fingerprint, Instant now) {
        return store.recordCommand(source, commandId, fingerprint, now).map(R2dbcInbox::sighting);
    }

    private static CommandSighting sighting(InboxSighting sighting) {
        return switch (sighting) {
            case FIRST -> CommandSighting.FIRST;
            case REDELIVERY -> CommandSighting.REDELIVERY;
            case CONFLICT -> CommandSighting.CONFLICT;
        };
    }
}
