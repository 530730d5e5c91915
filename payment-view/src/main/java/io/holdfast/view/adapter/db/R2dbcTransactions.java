package io.holdfast.view.adapter.db;

import io.holdfast.view.application.Transactions;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Transactions on the R2DBC connection factory. */
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
