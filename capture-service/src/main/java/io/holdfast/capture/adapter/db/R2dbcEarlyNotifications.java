package io.holdfast.capture.adapter.db;

import io.holdfast.capture.application.EarlyNotifications;
import io.holdfast.capture.domain.CaptureNotification;
import io.holdfast.capture.domain.Money;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code early_capture_notification} table. The per-payment lock is a transaction-scoped PostgreSQL advisory
 * lock on (a constant namespace, the hash of the paymentId): released by the commit or rollback.
 */
final class R2dbcEarlyNotifications implements EarlyNotifications {

    /** Advisory-lock namespace of capture-service's per-payment lock ("CAPT"). */
    private static final int LOCK_NAMESPACE = 0x43415054;
    private static final String COLUMNS = "notification_id, payment_id, capture_request_id, capture_id, succeeded, "
            + "result_code, result_message, amount_minor, currency, capture_time";

    private final DatabaseClient db;

    R2dbcEarlyNotifications(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> lockPayment(String paymentId) {
        return db.sql("select 1 from pg_advisory_xact_lock(:ns, hashtext(:pid))")
                .bind("ns", LOCK_NAMESPACE).bind("pid", paymentId).map(r -> 1).all().then();
    }

    @Override
    public Mono<Void> park(CaptureNotification n, Instant receivedAt) {
        GenericExecuteSpec spec = db.sql("insert into early_capture_notification (" + COLUMNS + ", received_at) "
                        + "values (:id, :pid, :captureRequestId, :captureId, :succeeded, :code, :message, :amount, "
                        + ":currency, :captureTime, :receivedAt) on conflict do nothing")
                .bind("id", n.notificationId()).bind("pid", n.paymentId()).bind("succeeded", n.succeeded())
                .bind("amount", n.amount().valueMinor()).bind("currency", n.amount().currency())
                .bind("receivedAt", R2dbcScheduleStore.utc(receivedAt));
        spec = nullable(spec, "captureRequestId", n.captureRequestId(), String.class);
        spec = nullable(spec, "captureId", n.captureId(), String.class);
        spec = nullable(spec, "code", n.resultCode(), String.class);
        spec = nullable(spec, "message", n.resultMessage(), String.class);
        spec = nullable(spec, "captureTime", R2dbcScheduleStore.utc(n.captureTime()), OffsetDateTime.class);
        return spec.fetch().rowsUpdated().then();
    }

    @Override
    public Flux<CaptureNotification> takeAll(String paymentId) {
        return db.sql("with taken as (delete from early_capture_notification where payment_id = :pid "
                        + "returning " + COLUMNS + ", seq) select " + COLUMNS + " from taken order by seq")
                .bind("pid", paymentId).map(R2dbcEarlyNotifications::read).all();
    }

    @Override
    public Mono<Long> purgeReceivedBefore(Instant cutoff) {
        return db.sql("delete from early_capture_notification where received_at < :cutoff")
                .bind("cutoff", R2dbcScheduleStore.utc(cutoff)).fetch().rowsUpdated();
    }

    private static <T> GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    private static CaptureNotification read(Readable r) {
        OffsetDateTime captureTime = r.get("capture_time", OffsetDateTime.class);
        return new CaptureNotification(r.get("notification_id", String.class), r.get("payment_id", String.class),
                r.get("capture_request_id", String.class), r.get("capture_id", String.class),
                Boolean.TRUE.equals(r.get("succeeded", Boolean.class)), r.get("result_code", String.class),
                r.get("result_message", String.class),
                new Money(r.get("amount_minor", Long.class), r.get("currency", String.class)),
                captureTime == null ? null : captureTime.toInstant());
    }
}
