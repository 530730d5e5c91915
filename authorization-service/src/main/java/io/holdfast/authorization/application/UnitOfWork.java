package io.holdfast.authorization.application;

import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/** Runs a piece of work in one database transaction. */
@FunctionalInterface
public interface UnitOfWork {

    <T> Mono<T> inTransaction(Supplier<Mono<T>> work);
}
