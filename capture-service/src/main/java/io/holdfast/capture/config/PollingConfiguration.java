package io.holdfast.capture.config;

import io.holdfast.capture.adapter.db.DbAdapterConfiguration;
import io.holdfast.capture.application.CaptureCommandHandler;
import io.holdfast.capture.application.CaptureNotificationHandler;
import io.holdfast.capture.application.DueWorkRunner;
import io.holdfast.messaging.outbox.OutboxPublisher;
import io.holdfast.messaging.outbox.OutboxRelay;
import io.holdfast.messaging.outbox.OutboxRelayLoop;
import io.holdfast.messaging.outbox.R2dbcOutboxStore;
import io.holdfast.messaging.wakeup.PollingLoop;
import io.holdfast.messaging.wakeup.Wakeup;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The background loops: the guardian's due-work runner, the outbox relay (the {@code messaging} module's: per-payment
 * publication order, one relay per payment at a time), the purge of parked notifyCaptures and the exposure gauges.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "holdfast.capture.scheduler.enabled", matchIfMissing = true)
public class PollingConfiguration {

    private static final Duration PASS_TIMEOUT = Duration.ofMinutes(1);

    @Bean
    PollingLoop dueWorkLoop(DueWorkRunner runner, SchedulerProperties properties,
            @Qualifier(DbAdapterConfiguration.DUE_WORK_WAKEUP) Wakeup dueWorkWakeup) {
        return new PollingLoop("capture-due-work", properties.pollInterval(), properties.batch(),
                () -> runner.runOnce().blockOptional(PASS_TIMEOUT).orElse(0), dueWorkWakeup);
    }

    @Bean
    OutboxRelayLoop outboxRelayLoop(R2dbcOutboxStore store, ReactiveTransactionManager transactions,
            OutboxPublisher publisher, Clock clock, OutboxRelayProperties properties,
            @Qualifier(DbAdapterConfiguration.OUTBOX_WAKEUP) Wakeup outboxWakeup) {
        OutboxRelay relay = new OutboxRelay(store, TransactionalOperator.create(transactions), publisher, clock,
                new OutboxRelay.Settings(properties.batch(), properties.lease(), 0));
        return new OutboxRelayLoop("capture-outbox-relay", relay, properties.pollInterval(), properties.lease(),
                outboxWakeup);
    }

    @Bean
    PollingLoop parkedNotificationPurgeLoop(CaptureNotificationHandler notifications, SchedulerProperties properties) {
        return new PollingLoop("capture-parked-purge", properties.purgeInterval(), Integer.MAX_VALUE,
                () -> notifications.purgeParked(properties.parkedRetention()).blockOptional(PASS_TIMEOUT)
                        .orElse(0L).intValue());
    }

    @Bean
    PollingLoop parkedCommandTimeoutLoop(CaptureCommandHandler commands, CommandParkingProperties properties) {
        return new PollingLoop("capture-parked-commands", properties.checkInterval(), Integer.MAX_VALUE,
                () -> commands.rejectParkedBefore(properties.timeout()).blockOptional(PASS_TIMEOUT)
                        .orElse(0L).intValue());
    }

    @Bean
    PollingLoop exposureMetricsLoop(ExposureMetrics metrics, SchedulerProperties properties) {
        return new PollingLoop("capture-exposure-metrics", properties.metricsInterval(), Integer.MAX_VALUE,
                () -> {
                    metrics.refresh();
                    return 0;
                });
    }
}
