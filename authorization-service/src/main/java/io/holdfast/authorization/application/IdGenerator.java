package io.holdfast.authorization.application;

import java.util.UUID;

/** Source of event ids (injected so tests are deterministic). */
@FunctionalInterface
public interface IdGenerator {

    UUID newEventId();
}
