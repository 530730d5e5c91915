package io.holdfast.capture.adapter.db;

import io.holdfast.capture.application.PolicyStore;
import io.holdfast.capture.domain.Authorization;
import io.holdfast.capture.domain.DeadlinePolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The policy column of {@code capture_schedule} with the next action and due time that follow from it, optimistically
 * locked like every other write (the general update refuses to change a row's terms, the policy among them).
 */
final class R2dbcPolicyStore implements PolicyStore {

    private final DatabaseClient db;
    private final Clock clock;

    R2dbcPolicyStore(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Mono<Authorization> changePolicy(Authorization next, DeadlinePolicy previous, Instant dueAt) {
        return db.sql("update capture_schedule set policy = :policy, next_action_at = :nextAction, due_at = :dueAt, "
                        + "updated_at = :now, version = version + 1 "
                        + "where payment_request_id = :prid and version = :version and policy = :previous "
                        + "and status in ('AUTHORIZED', 'CAPTURE_SCHEDULED')")
                .bind("policy", next.policy().name()).bind("now", clock.instant().atOffset(ZoneOffset.UTC))
                // an open row always has a next action (its policy's point or its capture time), hence a due time
                .bind("nextAction", next.nextActionAt().atOffset(ZoneOffset.UTC))
                .bind("dueAt", dueAt.atOffset(ZoneOffset.UTC))
                .bind("prid", next.paymentRequestId()).bind("version", next.version())
                .bind("previous", previous.name())
                .fetch().rowsUpdated()
                .flatMap(n -> n == 1 ? Mono.just(next.withVersion(next.version() + 1)) : Mono.empty());
    }
}
