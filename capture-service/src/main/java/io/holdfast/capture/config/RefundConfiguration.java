package io.holdfast.capture.config;

import io.holdfast.capture.application.Inbox;
import io.holdfast.capture.application.RefundGateway;
import io.holdfast.capture.application.RefundHandler;
import io.holdfast.capture.application.RefundOutbox;
import io.holdfast.capture.application.RefundStore;
import io.holdfast.capture.application.ScheduleStore;
import io.holdfast.capture.application.Transactions;
import io.holdfast.capture.domain.RefundOutcomes;
import io.holdfast.messaging.wakeup.PollingLoop;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Refunds (docs/adr/0001-refund-owner.md): the use cases and the reconciliation loop. */
@Configuration(proxyBeanMethods = false)
public class RefundConfiguration {

    private static final Duration PASS_TIMEOUT = Duration.ofMinutes(1);

    @Bean
    RefundOutcomes refundOutcomes(RefundProperties properties) {
        return new RefundOutcomes(properties.inquiryBackoff());
    }

    @Bean
    RefundHandler refundHandler(Transactions tx, Inbox inbox, ScheduleStore schedule, RefundStore refunds,
            RefundOutbox outbox, RefundGateway antom, RefundOutcomes outcomes, Clock clock,
            RefundProperties properties, SchedulerProperties scheduler) {
        return new RefundHandler(tx, inbox, schedule, refunds, outbox, antom, outcomes, clock,
                new RefundHandler.Settings(properties.sendLease(), properties.claimLease(), properties.batch(),
                        scheduler.owner()));
    }

    /** Reconciles refunds that are not final: inquiryRefund on the backoff, a resend when Antom has none. */
    @Bean
    @ConditionalOnProperty(name = "holdfast.capture.scheduler.enabled", matchIfMissing = true)
    PollingLoop refundReconciliationLoop(RefundHandler refunds, RefundProperties properties) {
        return new PollingLoop("capture-refund-reconciliation", properties.pollInterval(), properties.batch(),
                () -> refunds.reconcileDue().blockOptional(PASS_TIMEOUT).orElse(0));
    }
}
