package io.holdfast.capture.application;

import reactor.core.publisher.Mono;

/** Port: runs work in one database transaction. */
public interface Transactions {

    /** {@code work} in one transaction: committed when it completes, rolled back when it fails. */
    <T> Mono<T> inTransaction(Mono<T> work);
}
