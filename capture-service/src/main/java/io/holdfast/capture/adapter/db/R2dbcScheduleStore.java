package io.holdfast.capture.adapter.db;

import io.holdfast.capture.application.ScheduleStore;
import io.holdfast.capture.domain.Attempts;
import io.holdfast.capture.domain.Authorization;
import io.holdfast.capture.domain.CaptureMode;
import io.holdfast.capture.domain.CaptureStatus;
import io.holdfast.capture.domain.DeadlinePolicy;
import io.holdfast.capture.domain.Money;
import io.holdfast.messaging.wakeup.Wakeup;
import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The capture schedule on PostgreSQL over R2DBC. */
final class R2dbcScheduleStore implements ScheduleStore {

    private static final String COLUMNS = "payment_request_id, payment_id, merchant_id, amount_minor, currency, "
            + "capture_mode, policy, authorized_at, deadline, status, capture_at, capture_request_id, "
            + "capture_requested_at, capture_id, captured_at, last_warning_ms, next_action_at, deadline_missed, "
            + "last_attempt_at, capture_unknown_seen, version";

    private final DatabaseClient db;
    private final Clock clock;
    private final Wakeup dueNow;

    R2dbcScheduleStore(DatabaseClient db, Clock clock) {
        this(db, clock, new Wakeup());
    }

    /** {@code dueNow} is signalled after the commit of a write that makes a row due at once (a capture command). */
    R2dbcScheduleStore(DatabaseClient db, Clock clock, Wakeup dueNow) {
        this.db = db;
        this.clock = clock;
        this.dueNow = dueNow;
    }

    @Override
    public Mono<Authorization> find(String paymentRequestId) {
        return db.sql("select " + COLUMNS + " from capture_schedule where payment_request_id = :id")
                .bind("id", paymentRequestId).map(R2dbcScheduleStore::read).one();
    }

    @Override
    public Mono<Authorization> findByPaymentId(String paymentId) {
        return db.sql("select " + COLUMNS + " from capture_schedule where payment_id = :id")
                .bind("id", paymentId).map(R2dbcScheduleStore::read).one();
    }

    @Override
    public Mono<Boolean> insert(Authorization row, Instant dueAt) {
        GenericExecuteSpec spec = db.sql("insert into capture_schedule (" + COLUMNS + ", due_at, updated_at) values ("
                + ":prid, :pid, :merchant, :amount, :currency, :mode, :policy, :authorizedAt, :deadline, :status, "
                + ":captureAt, :captureRequestId, :captureRequestedAt, :captureId, :capturedAt, :lastWarning, "
                + ":nextActionAt, :missed, :lastAttemptAt, :unknownSeen, :version, :dueAt, :now) on conflict do nothing");
        return bindRow(spec, row, dueAt).fetch().rowsUpdated().map(n -> n == 1)
                .flatMap(inserted -> inserted ? wakeIfDue(dueAt).thenReturn(true) : Mono.just(false));
    }

    /** Wakes the due-work loop after the commit when {@code dueAt} has come already. */
    private Mono<Void> wakeIfDue(Instant dueAt) {
        return dueAt != null && !dueAt.isAfter(clock.instant()) ? dueNow.signalAfterCommit() : Mono.empty();
    }

    @Override
    public Mono<Authorization> update(Authorization row, Instant dueAt) {
        GenericExecuteSpec spec = db.sql("update capture_schedule set status = :status, capture_at = :captureAt, "
                + "capture_request_id = :captureRequestId, capture_requested_at = :captureRequestedAt, "
                + "capture_id = :captureId, captured_at = :capturedAt, last_warning_ms = :lastWarning, "
                + "next_action_at = :nextActionAt, deadline_missed = :missed, last_attempt_at = :lastAttemptAt, "
                + "capture_unknown_seen = :unknownSeen, "
                + "due_at = :dueAt, lease_owner = null, "
                + "updated_at = :now, version = version + 1 "
                + "where payment_request_id = :prid and version = :version and payment_id = :pid "
                + "and merchant_id is not distinct from :merchant and amount_minor = :amount "
                + "and currency = :currency and capture_mode = :mode and policy = :policy "
                + "and authorized_at = :authorizedAt and deadline = :deadline");
        return bindRow(spec, row, dueAt).fetch().rowsUpdated()
                .flatMap(n -> n == 1 ? wakeIfDue(dueAt).thenReturn(row.withVersion(row.version() + 1)) : Mono.empty());
    }

    @Override
    public Flux<Authorization> claimDue(Instant now, Instant leaseUntil, int batch, String owner) {
        return db.sql("update capture_schedule s set due_at = :lease, lease_owner = :owner, version = version + 1 "
                        + "from (select payment_request_id from capture_schedule where due_at <= :now "
                        + "order by due_at limit :batch for update skip locked) due "
                        + "where s.payment_request_id = due.payment_request_id returning " + prefixed())
                .bind("lease", utc(leaseUntil)).bind("owner", owner).bind("now", utc(now)).bind("batch", batch)
                .map(R2dbcScheduleStore::read).all();
    }

    private GenericExecuteSpec bindRow(GenericExecuteSpec spec, Authorization a, Instant dueAt) {
        spec = spec.bind("prid", a.paymentRequestId()).bind("pid", a.paymentId())
                .bind("amount", a.amount().valueMinor()).bind("currency", a.amount().currency())
                .bind("mode", a.mode().name()).bind("policy", a.policy().name())
                .bind("authorizedAt", utc(a.authorizedAt())).bind("deadline", utc(a.deadline()))
                .bind("status", a.status().name()).bind("missed", a.deadlineMissed())
                .bind("unknownSeen", a.attempts().unknownSeen()).bind("version", a.version())
                .bind("now", utc(clock.instant()));
        spec = nullable(spec, "merchant", a.merchantId(), String.class);
        spec = nullable(spec, "captureAt", utc(a.captureAt()), OffsetDateTime.class);
        spec = nullable(spec, "captureRequestId", a.captureRequestId(), String.class);
        spec = nullable(spec, "captureRequestedAt", utc(a.captureRequestedAt()), OffsetDateTime.class);
        spec = nullable(spec, "captureId", a.captureId(), String.class);
        spec = nullable(spec, "capturedAt", utc(a.capturedAt()), OffsetDateTime.class);
        spec = nullable(spec, "lastWarning", a.lastWarning() == null ? null : a.lastWarning().toMillis(), Long.class);
        spec = nullable(spec, "nextActionAt", utc(a.nextActionAt()), OffsetDateTime.class);
        spec = nullable(spec, "lastAttemptAt", utc(a.attempts().lastAttemptAt()), OffsetDateTime.class);
        return nullable(spec, "dueAt", utc(dueAt), OffsetDateTime.class);
    }

    private static <T> GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    private static String prefixed() {
        return "s." + COLUMNS.replace(", ", ", s.");
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Readable r, String column) {
        OffsetDateTime t = r.get(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Authorization read(Readable r) {
        Long lastWarning = r.get("last_warning_ms", Long.class);
        return new Authorization(r.get("payment_request_id", String.class), r.get("payment_id", String.class),
                r.get("merchant_id", String.class),
                new Money(r.get("amount_minor", Long.class), r.get("currency", String.class)),
                CaptureMode.valueOf(r.get("capture_mode", String.class)),
                instant(r, "authorized_at"), instant(r, "deadline"),
                DeadlinePolicy.valueOf(r.get("policy", String.class)),
                CaptureStatus.valueOf(r.get("status", String.class)), instant(r, "capture_at"),
                r.get("capture_request_id", String.class), instant(r, "capture_requested_at"),
                r.get("capture_id", String.class), instant(r, "captured_at"),
                lastWarning == null ? null : Duration.ofMillis(lastWarning), instant(r, "next_action_at"),
                Boolean.TRUE.equals(r.get("deadline_missed", Boolean.class)),
                new Attempts(instant(r, "last_attempt_at"),
                        Boolean.TRUE.equals(r.get("capture_unknown_seen", Boolean.class))),
                r.get("version", Long.class));
    }
}
