package io.holdfast.view.application;

import reactor.core.publisher.Mono;

/** Runs a unit of work in one database transaction. */
public interface Transactions {

    <T> Mono<T> inTransaction(Mono<T> work);
}
