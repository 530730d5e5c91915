package io.holdfast.capture.application;

import java.time.Instant;
import reactor.core.publisher.Mono;

/** Port: ids of processed messages, recorded in the same transaction as their effect. */
public interface Inbox {

    /** Records the id; true the first time, false when it was processed before. */
    Mono<Boolean> firstTime(String source, String messageId, Instant now);
}
