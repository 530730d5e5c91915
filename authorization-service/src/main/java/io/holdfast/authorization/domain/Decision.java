package io.holdfast.authorization.domain;

import java.util.List;

/** What the aggregate decided about a fact: move (with the events to publish) or stay. */
public sealed interface Decision {

    /** The payment moved; persist {@code payment}, {@code transition} and {@code events} in one transaction. */
    record Transitioned(Payment payment, Transition transition, List<DomainEvent> events) implements Decision {
        public Transitioned {
            events = List.copyOf(events);
        }
    }

    /** The fact does not move the payment (duplicate, stale, or no regression allowed); {@code why} is for the log. */
    record Unchanged(Payment payment, String why) implements Decision {
    }
}
