package io.holdfast.authorization.config;

import io.holdfast.authorization.adapter.db.R2dbcOutbox;
import io.holdfast.authorization.adapter.kafka.OutboxRelay;
import io.holdfast.authorization.application.PaymentQueries;
import io.holdfast.authorization.application.Reconciler;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Metrics and the periodic jobs ({@code holdfast.authorization.jobs.enabled=false} turns the jobs off). */
@Configuration(proxyBeanMethods = false)
public class JobsConfiguration {

    @Bean
    PaymentMetrics paymentMetrics(PaymentQueries queries, R2dbcOutbox outbox, AuthorizationProperties properties,
            Clock clock, MeterRegistry meters) {
        return new PaymentMetrics(queries, outbox, properties.outbox(), clock, meters);
    }

    @Bean
    @ConditionalOnProperty(name = "holdfast.authorization.jobs.enabled", havingValue = "true", matchIfMissing = true)
    BackgroundJobs backgroundJobs(OutboxRelay relay, Reconciler reconciler, PaymentMetrics metrics,
            AuthorizationProperties properties) {
        return new BackgroundJobs(relay, reconciler, metrics, properties);
    }
}
