package io.holdfast.ingest.application;

import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Port: payment-view's internal read API, always asked on behalf of one authenticated merchant (the read model
 * answers only that merchant's payments).
 */
public interface PaymentReads {

    /** One payment: the read model's answer (200 with the payment's JSON, or 404). */
    Mono<Answer> payment(String merchantId, String paymentRequestId);

    /** A page of the merchant's payments; {@code filters} are the validated query parameters. */
    Mono<Answer> list(String merchantId, Map<String, String> filters);

    /** The read model's HTTP status and JSON body, passed on to the merchant. */
    record Answer(int status, byte[] body) {
    }
}
