package io.holdfast.view.application;

import java.time.Instant;
import reactor.core.publisher.Mono;

/** The inbox (messaging's shape): true the first time an eventId is seen. */
public interface EventInbox {

    Mono<Boolean> firstTime(String eventId, Instant at);
}
