package io.holdfast.view.adapter.db;

import io.holdfast.view.application.AuditLog;
import io.holdfast.view.application.ConsoleAction;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The console_action table. */
final class R2dbcAuditLog implements AuditLog {

    private final DatabaseClient db;

    R2dbcAuditLog(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Boolean> record(ConsoleAction a) {
        return db.sql("insert into console_action (command_id, payment_request_id, operator_id, action, detail, "
                        + "issued_at) values (:id, :prId, :operator, :action, :detail, :at) on conflict do nothing")
                .bind("id", a.commandId()).bind("prId", a.paymentRequestId()).bind("operator", a.operatorId())
                .bind("action", a.action().name()).bind("detail", a.detail())
                .bind("at", R2dbcViewStore.utc(a.issuedAt()))
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    @Override
    public Mono<Void> forget(String commandId) {
        return db.sql("delete from console_action where command_id = :id").bind("id", commandId).then();
    }

    @Override
    public Flux<AuditEntry> forPayment(String paymentRequestId) {
        return db.sql("select * from console_action where payment_request_id = :prId order by issued_at")
                .bind("prId", paymentRequestId)
                .map(row -> new AuditEntry(row.get("command_id", String.class), row.get("operator_id", String.class),
                        ConsoleAction.Kind.valueOf(row.get("action", String.class)),
                        row.get("detail", String.class), R2dbcViewStore.instant(row, "issued_at")))
                .all();
    }
}
