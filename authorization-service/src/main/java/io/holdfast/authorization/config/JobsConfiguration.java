package io.holdfast.authorization.config;

import io.holdfast.authorization.application.PaymentQueries;
import io.holdfast.authorization.application.Reconciler;
import io.holdfast.messaging.outbox.OutboxPublisher;
import io.holdfast.messaging.outbox.OutboxRelay;
import io.holdfast.messaging.outbox.OutboxRelayLoop;
import io.holdfast.messaging.outbox.R2dbcOutboxStore;
import io.holdfast.messaging.wakeup.Wakeup;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Metrics, the periodic jobs and the outbox relay ({@code holdfast.authorization.jobs.enabled=false} turns the jobs and
 * the relay off).
 */
@Configuration(proxyBeanMethods = false)
public class JobsConfiguration {

    @Bean
    PaymentMetrics paymentMetrics(PaymentQueries queries, R2dbcOutboxStore outbox, AuthorizationProperties properties,
            Clock clock, MeterRegistry meters) {
        return new PaymentMetrics(queries, outbox, properties.outbox(), clock, meters);
    }

    @Bean
    @ConditionalOnProperty(name = "holdfast.authorization.jobs.enabled", havingValue = "true", matchIfMissing = true)
    BackgroundJobs backgroundJobs(Reconciler reconciler, PaymentMetrics metrics, AuthorizationProperties properties) {
        return new BackgroundJobs(reconciler, metrics, properties);
    }

    /**
     * The shared relay (per-payment publication order, one relay per payment at a time) on its own thread, woken
     * right after a transaction that appended outbox rows commits; {@code outbox.poll-interval} is the fallback.
     */
    @Bean
    @ConditionalOnProperty(name = "holdfast.authorization.jobs.enabled", havingValue = "true", matchIfMissing = true)
    OutboxRelayLoop outboxRelayLoop(R2dbcOutboxStore outbox, TransactionalOperator transactions,
            OutboxPublisher publisher, Clock clock, AuthorizationProperties properties, Wakeup outboxWakeup) {
        AuthorizationProperties.Outbox settings = properties.outbox();
        OutboxRelay relay = new OutboxRelay(outbox, transactions, publisher, clock,
                new OutboxRelay.Settings(settings.batchSize(), settings.lease(), 0));
        return new OutboxRelayLoop("authorization-outbox-relay", relay, settings.pollInterval(),
                settings.lease(), outboxWakeup);
    }
}
