package io.holdfast.capture.application;

import io.holdfast.capture.domain.Authorization;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Port: the capture schedule (one row per authorization). Calls join the caller's transaction. */
public interface ScheduleStore {

    /** The row of a payment, if known. */
    Mono<Authorization> find(String paymentRequestId);

    /** The row carrying Antom's paymentId, if known. */
    Mono<Authorization> findByPaymentId(String paymentId);

    /** Inserts a new row; false when one already exists for the payment (a redelivered event). */
    Mono<Boolean> insert(Authorization row, Instant dueAt);

    /**
     * Writes {@code row} if nobody changed it since it was read (its version); the stored row (next version), or
     * empty when it was stale.
     */
    Mono<Authorization> update(Authorization row, Instant dueAt);

    /**
     * Claims up to {@code batch} rows due at {@code now} ({@code FOR UPDATE SKIP LOCKED}): their due time moves to
     * {@code leaseUntil} and their version advances, so another claimer skips them until the lease ends.
     */
    Flux<Authorization> claimDue(Instant now, Instant leaseUntil, int batch, String owner);
}
