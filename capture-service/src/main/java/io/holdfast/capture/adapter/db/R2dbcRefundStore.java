package io.holdfast.capture.adapter.db;

import io.holdfast.capture.application.RefundStore;
import io.holdfast.capture.domain.Money;
import io.holdfast.capture.domain.RefundAdvice;
import io.holdfast.capture.domain.RefundAttempt;
import io.holdfast.capture.domain.RefundStatus;
import io.holdfast.capture.domain.RefundTotals;
import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refund attempts ({@code refund_attempt}) and the refund position on the payment's schedule row (migration V8),
 * on PostgreSQL over R2DBC. The position is only written under the row lock taken by {@link #lockPosition}, and the
 * table's constraints refuse a position above the captured amount whatever the code computed.
 */
final class R2dbcRefundStore implements RefundStore {

    private static final String COLUMNS = "refund_request_id, payment_request_id, payment_id, merchant_id, "
            + "command_id, amount_minor, currency, reason, capture_id, status, refund_id, result_code, "
            + "result_message, advice, requested_at, refunded_at, due_at, inquiries";

    private final DatabaseClient db;
    private final Clock clock;

    R2dbcRefundStore(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Mono<RefundTotals> lockPosition(String paymentRequestId) {
        return db.sql("select amount_minor, currency, refunded_minor, refund_pending_minor from capture_schedule "
                        + "where payment_request_id = :id for update")
                .bind("id", paymentRequestId)
                .map(r -> new RefundTotals(new Money(r.get("amount_minor", Long.class), r.get("currency", String.class)),
                        r.get("refunded_minor", Long.class), r.get("refund_pending_minor", Long.class)))
                .one();
    }

    @Override
    public Mono<Void> savePosition(String paymentRequestId, RefundTotals before, RefundTotals after) {
        return db.sql("update capture_schedule set refunded_minor = :refunded, refund_pending_minor = :pending "
                        + "where payment_request_id = :id and refunded_minor = :refundedBefore "
                        + "and refund_pending_minor = :pendingBefore")
                .bind("refunded", after.refundedMinor()).bind("pending", after.pendingMinor())
                .bind("id", paymentRequestId).bind("refundedBefore", before.refundedMinor())
                .bind("pendingBefore", before.pendingMinor())
                .fetch().rowsUpdated()
                .flatMap(n -> n == 1 ? Mono.<Void>empty() : Mono.error(new IllegalStateException(
                        "the refund position of " + paymentRequestId + " changed under its lock")));
    }

    @Override
    public Mono<RefundAttempt> find(String refundRequestId) {
        return db.sql("select " + COLUMNS + " from refund_attempt where refund_request_id = :id")
                .bind("id", refundRequestId).map(R2dbcRefundStore::read).one();
    }

    @Override
    public Mono<Void> insert(RefundAttempt a) {
        GenericExecuteSpec spec = db.sql("insert into refund_attempt (" + COLUMNS + ", updated_at) values (:rrid, "
                + ":prid, :pid, :merchant, :commandId, :amount, :currency, :reason, :captureId, :status, :refundId, "
                + ":resultCode, :resultMessage, :advice, :requestedAt, :refundedAt, :dueAt, :inquiries, :now)");
        return bind(spec, a).fetch().rowsUpdated().then();
    }

    @Override
    public Mono<Boolean> update(RefundAttempt a, RefundStatus expected) {
        GenericExecuteSpec spec = db.sql("update refund_attempt set status = :status, refund_id = :refundId, "
                + "result_code = :resultCode, result_message = :resultMessage, advice = :advice, "
                + "refunded_at = :refundedAt, due_at = :dueAt, inquiries = :inquiries, lease_owner = null, "
                + "updated_at = :now where refund_request_id = :rrid and status = :expected and payment_id = :pid "
                + "and payment_request_id = :prid and merchant_id is not distinct from :merchant "
                + "and command_id = :commandId and amount_minor = :amount and currency = :currency "
                + "and reason is not distinct from :reason and capture_id is not distinct from :captureId "
                + "and requested_at = :requestedAt");
        return bind(spec, a).bind("expected", expected.name()).fetch().rowsUpdated().map(n -> n == 1);
    }

    @Override
    public Flux<RefundAttempt> claimDue(Instant now, Instant leaseUntil, int batch, String owner) {
        return db.sql("update refund_attempt a set due_at = :lease, lease_owner = :owner "
                        + "from (select refund_request_id from refund_attempt where due_at <= :now "
                        + "order by due_at limit :batch for update skip locked) due "
                        + "where a.refund_request_id = due.refund_request_id returning a."
                        + COLUMNS.replace(", ", ", a."))
                .bind("lease", R2dbcScheduleStore.utc(leaseUntil)).bind("owner", owner)
                .bind("now", R2dbcScheduleStore.utc(now)).bind("batch", batch)
                .map(R2dbcRefundStore::read).all();
    }

    private GenericExecuteSpec bind(GenericExecuteSpec spec, RefundAttempt a) {
        spec = spec.bind("rrid", a.refundRequestId()).bind("prid", a.paymentRequestId()).bind("pid", a.paymentId())
                .bind("commandId", a.commandId()).bind("amount", a.amount().valueMinor())
                .bind("currency", a.amount().currency()).bind("status", a.status().name())
                .bind("requestedAt", R2dbcScheduleStore.utc(a.requestedAt())).bind("inquiries", a.inquiries())
                .bind("now", R2dbcScheduleStore.utc(clock.instant()));
        spec = nullable(spec, "merchant", a.merchantId());
        spec = nullable(spec, "reason", a.reason());
        spec = nullable(spec, "captureId", a.captureId());
        spec = nullable(spec, "refundId", a.refundId());
        spec = nullable(spec, "resultCode", a.resultCode());
        spec = nullable(spec, "resultMessage", a.resultMessage());
        spec = nullable(spec, "advice", a.advice() == null ? null : a.advice().name());
        spec = a.refundedAt() == null ? spec.bindNull("refundedAt", OffsetDateTime.class)
                : spec.bind("refundedAt", R2dbcScheduleStore.utc(a.refundedAt()));
        return a.dueAt() == null ? spec.bindNull("dueAt", OffsetDateTime.class)
                : spec.bind("dueAt", R2dbcScheduleStore.utc(a.dueAt()));
    }

    private static GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }

    private static Instant instant(Readable r, String column) {
        OffsetDateTime t = r.get(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static RefundAttempt read(Readable r) {
        String advice = r.get("advice", String.class);
        return new RefundAttempt(r.get("refund_request_id", String.class), r.get("payment_request_id", String.class),
                r.get("payment_id", String.class), r.get("merchant_id", String.class),
                r.get("command_id", String.class),
                new Money(r.get("amount_minor", Long.class), r.get("currency", String.class)),
                r.get("reason", String.class), r.get("capture_id", String.class),
                RefundStatus.valueOf(r.get("status", String.class)), r.get("refund_id", String.class),
                r.get("result_code", String.class), r.get("result_message", String.class),
                advice == null ? null : RefundAdvice.valueOf(advice), instant(r, "requested_at"),
                instant(r, "refunded_at"), instant(r, "due_at"), r.get("inquiries", Integer.class));
    }
}
