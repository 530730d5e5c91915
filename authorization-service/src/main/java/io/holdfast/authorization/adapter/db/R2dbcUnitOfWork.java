package io.holdfast.authorization.adapter.db;

import io.holdfast.authorization.application.UnitOfWork;
import java.util.function.Supplier;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** {@link UnitOfWork} on a reactive R2DBC transaction. */
public final class R2dbcUnitOfWork implements UnitOfWork {

    private final TransactionalOperator transactions;

    public R2dbcUnitOfWork(TransactionalOperator transactions) {
        this.transactions = transactions;
    }

    @Override
    public <T> Mono<T> inTransaction(Supplier<Mono<T>> work) {
        return transactions.transactional(Mono.defer(work));
    }
}
