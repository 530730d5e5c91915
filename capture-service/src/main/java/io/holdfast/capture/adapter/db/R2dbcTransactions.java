package io.holdfast.capture.adapter.db;

import io.holdfast.capture.application.Transactions;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Transactions through Spring's reactive transaction operator (R2DBC connection bound to the subscriber context). */
final class R2dbcTransactions implements Transactions {

    private final TransactionalOperator operator;

    R2dbcTransactions(TransactionalOperator operator) {
        this.operator = operator;
    }

    @Override
    public <T> Mono<T> inTransaction(Mono<T> work) {
        return operator.transactional(work);
    }
}
