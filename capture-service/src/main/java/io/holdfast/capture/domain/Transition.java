package io.holdfast.capture.domain;

import java.util.List;

/**
 * A decision: the authorization's next state and the events to publish with it, persisted atomically.
 *
 * @param next the new row
 * @param events the events, in order
 */
public record Transition(Authorization next, List<CaptureEvent> events) {

    public Transition {
        events = List.copyOf(events);
    }

    /** A state change without events. */
    public static Transition of(Authorization next) {
        return new Transition(next, List.of());
    }
}
