package io.holdfast.capture.application;

import java.time.Instant;
import reactor.core.publisher.Mono;

/** Port: ids of processed messages, recorded in the same transaction as their effect. */
public interface Inbox {

    /** Records the id; true the first time, false when it was processed before. */
    Mono<Boolean> firstTime(String source, String messageId, Instant now);

    /**
     * Records a command id with the fingerprint of its content: {@link CommandSighting#FIRST} when it is new,
     * {@link CommandSighting#REDELIVERY} when it was recorded with the same fingerprint (or with none, before
     * fingerprints were kept), {@link CommandSighting#CONFLICT} when it was recorded with another one.
     */
    Mono<CommandSighting> recordCommand(String source, String commandId, String fingerprint, Instant now);
}
