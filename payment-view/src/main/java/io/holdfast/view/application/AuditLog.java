package io.holdfast.view.application;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The console's audit table. */
public interface AuditLog {

    /** Records an action; false when its commandId is recorded already (a double submission). */
    Mono<Boolean> record(ConsoleAction action);

    /** Removes an action whose command could not be published (the operator confirms again, with a new id). */
    Mono<Void> forget(String commandId);

    /** A payment's audited actions, oldest first (detail and merchantId/amount as recorded). */
    Flux<AuditEntry> forPayment(String paymentRequestId);

    /** One audit row. */
    record AuditEntry(String commandId, String operatorId, ConsoleAction.Kind action, String detail,
            java.time.Instant issuedAt) {
    }
}
