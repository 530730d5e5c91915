package io.holdfast.capture.application;

import io.holdfast.capture.domain.Authorization;
import io.holdfast.capture.domain.DeadlinePolicy;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Port: the one mutable term of a schedule row, its deadline policy (with the row's next action and due time, which
 * follow from it). Joins the caller's transaction.
 */
public interface PolicyStore {

    /**
     * Writes {@code next}'s policy and next action, due at {@code dueAt}, if the row is still at {@code next}'s version
     * with {@code previous} as its policy and open (AUTHORIZED or CAPTURE_SCHEDULED); the stored row (next version), or
     * empty when it was stale.
     */
    Mono<Authorization> changePolicy(Authorization next, DeadlinePolicy previous, Instant dueAt);
}
