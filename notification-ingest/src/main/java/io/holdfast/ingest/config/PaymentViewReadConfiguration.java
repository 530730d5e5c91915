package io.holdfast.ingest.config;

import io.holdfast.ingest.adapter.view.PaymentViewClient;
import io.holdfast.ingest.application.PaymentReads;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/** The merchant read API's source: payment-view's internal read API, or none (503) when no URL is configured. */
@Configuration(proxyBeanMethods = false)
public class PaymentViewReadConfiguration {

    @Bean
    PaymentReads paymentReads(PaymentViewProperties properties) {
        if (properties.url() == null) {
            return new PaymentReads() {
                @Override
                public Mono<Answer> payment(String merchantId, String paymentRequestId) {
                    return Mono.error(new IllegalStateException("holdfast.ingest.payment-view.url is not set"));
                }

                @Override
                public Mono<Answer> list(String merchantId, java.util.Map<String, String> filters) {
                    return Mono.error(new IllegalStateException("holdfast.ingest.payment-view.url is not set"));
                }
            };
        }
        return new PaymentViewClient(properties.url(), properties.username(), properties.password(),
                properties.timeout());
    }
}
