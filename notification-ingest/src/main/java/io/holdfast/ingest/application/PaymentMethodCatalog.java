package io.holdfast.ingest.application;

import io.holdfast.ingest.domain.consult.ConsultOutcome;
import io.holdfast.ingest.domain.consult.ConsultQuery;
import reactor.core.publisher.Mono;

/** Port: Antom's consult. */
public interface PaymentMethodCatalog {

    Mono<ConsultOutcome> consult(ConsultQuery query);
}
