package io.holdfast.capture.adapter.db;

import io.holdfast.capture.application.ParkedCommands;
import io.holdfast.capture.domain.CaptureRequest;
import io.holdfast.capture.domain.DeadlinePolicy;
import io.holdfast.capture.domain.Money;
import io.holdfast.capture.domain.PolicyChangeRequest;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code parked_capture_command} table (CapturePayment rows since V4, ChangeDeadlinePolicy rows since V9, told
 * apart by {@code kind}). The per-payment lock is a transaction-scoped PostgreSQL advisory lock on (a constant
 * namespace, the hash of the paymentRequestId), released by the commit or rollback.
 */
final class R2dbcParkedCommands implements ParkedCommands {

    /** Advisory-lock namespace of the parked-command lock ("CCMD"), distinct from the early-notification one. */
    private static final int LOCK_NAMESPACE = 0x43434d44;
    private static final String CAPTURE = "CAPTURE";
    private static final String POLICY_CHANGE = "POLICY_CHANGE";
    private static final String COLUMNS = "command_id, payment_request_id, merchant_id, kind, amount_minor, currency, "
            + "capture_at, policy, reason, operator_id";

    private final DatabaseClient db;

    R2dbcParkedCommands(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> lockPayment(String paymentRequestId) {
        return db.sql("select 1 from pg_advisory_xact_lock(:ns, hashtext(:prid))")
                .bind("ns", LOCK_NAMESPACE).bind("prid", paymentRequestId).map(r -> 1).all().then();
    }

    @Override
    public Mono<Void> park(CaptureRequest request, String merchantId, Instant receivedAt) {
        return insert(new Row(request.commandId(), request.paymentRequestId(), merchantId, CAPTURE,
                request.amount().valueMinor(), request.amount().currency(), request.captureAt(), null, null, null),
                receivedAt);
    }

    @Override
    public Mono<Void> park(PolicyChangeRequest request, String merchantId, Instant receivedAt) {
        return insert(new Row(request.commandId(), request.paymentRequestId(), merchantId, POLICY_CHANGE, null, null,
                null, request.policy().name(), request.reason(), request.operatorId()), receivedAt);
    }

    /** One parked command of either kind: the columns the other kind does not use are null. */
    private record Row(String commandId, String paymentRequestId, String merchantId, String kind, Long amountMinor,
            String currency, Instant captureAt, String policy, String reason, String operatorId) {
    }

    private Mono<Void> insert(Row row, Instant receivedAt) {
        GenericExecuteSpec spec = db.sql("insert into parked_capture_command (" + COLUMNS + ", received_at) values "
                        + "(:id, :prid, :merchant, :kind, :amount, :currency, :captureAt, :policy, :reason, :operator, "
                        + ":receivedAt) on conflict do nothing")
                .bind("id", row.commandId()).bind("prid", row.paymentRequestId()).bind("kind", row.kind())
                .bind("receivedAt", R2dbcScheduleStore.utc(receivedAt));
        spec = bindNullable(spec, "merchant", row.merchantId(), String.class);
        spec = bindNullable(spec, "amount", row.amountMinor(), Long.class);
        spec = bindNullable(spec, "currency", row.currency(), String.class);
        spec = bindNullable(spec, "captureAt", row.captureAt() == null ? null : R2dbcScheduleStore.utc(row.captureAt()),
                OffsetDateTime.class);
        spec = bindNullable(spec, "policy", row.policy(), String.class);
        spec = bindNullable(spec, "reason", row.reason(), String.class);
        spec = bindNullable(spec, "operator", row.operatorId(), String.class);
        return spec.fetch().rowsUpdated().then();
    }

    private static <T> GenericExecuteSpec bindNullable(GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    @Override
    public Flux<ParkedCommand> takeAll(String paymentRequestId) {
        return db.sql("with taken as (delete from parked_capture_command where payment_request_id = :prid "
                        + "returning " + COLUMNS + ", seq) select " + COLUMNS + " from taken order by seq")
                .bind("prid", paymentRequestId).map(R2dbcParkedCommands::read).all();
    }

    @Override
    public Flux<ParkedCommand> takeReceivedBefore(Instant cutoff) {
        return db.sql("with taken as (delete from parked_capture_command where command_id in (select command_id "
                        + "from parked_capture_command where received_at < :cutoff for update skip locked) "
                        + "returning " + COLUMNS + ", seq) select " + COLUMNS + " from taken order by seq")
                .bind("cutoff", R2dbcScheduleStore.utc(cutoff)).map(R2dbcParkedCommands::read).all();
    }

    // the fingerprint did its work when the command was parked (its inbox row holds it): null below
    private static ParkedCommand read(Readable r) {
        String commandId = r.get("command_id", String.class);
        String paymentRequestId = r.get("payment_request_id", String.class);
        String merchantId = r.get("merchant_id", String.class);
        String kind = r.get("kind", String.class);
        if (POLICY_CHANGE.equals(kind)) {
            return new ParkedPolicyChange(new PolicyChangeRequest(commandId, paymentRequestId,
                    DeadlinePolicy.valueOf(r.get("policy", String.class)), r.get("reason", String.class),
                    r.get("operator_id", String.class), null), merchantId);
        }
        if (!CAPTURE.equals(kind)) {
            throw new IllegalStateException("parked command " + commandId + " of unknown kind " + kind);
        }
        OffsetDateTime captureAt = r.get("capture_at", OffsetDateTime.class);
        return new ParkedCapture(new CaptureRequest(commandId, paymentRequestId,
                new Money(r.get("amount_minor", Long.class), r.get("currency", String.class)),
                captureAt == null ? null : captureAt.toInstant(), null), merchantId);
    }
}
