package io.holdfast.capture.config;

import io.holdfast.alipay.client.sandbox.SandboxFollowingClock;
import io.holdfast.capture.application.CaptureCommandHandler;
import io.holdfast.capture.application.CaptureGateway;
import io.holdfast.capture.application.CaptureNotificationHandler;
import io.holdfast.capture.application.DeadlineAnomalies;
import io.holdfast.capture.application.DeadlinePolicyCommandHandler;
import io.holdfast.capture.application.DueWorkRunner;
import io.holdfast.capture.application.EarlyNotifications;
import io.holdfast.capture.application.Inbox;
import io.holdfast.capture.application.Outbox;
import io.holdfast.capture.application.ParkedCommands;
import io.holdfast.capture.application.PaymentEventHandler;
import io.holdfast.capture.application.ScheduleStore;
import io.holdfast.capture.application.Transactions;
import io.holdfast.capture.application.Transitions;
import io.holdfast.capture.domain.CaptureOutcomes;
import io.holdfast.capture.domain.Guardian;
import io.holdfast.capture.domain.GuardianSettings;
import io.holdfast.capture.domain.ManualCaptureRules;
import io.holdfast.capture.domain.Schedule;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Explicit factories for the domain and the use cases, so neither needs a framework annotation. */
@Configuration(proxyBeanMethods = false)
public class CaptureConfiguration {

    /** The one clock: every "now" in the service comes from it (tests replace it with a movable clock). */
    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${holdfast.clock.sandbox-url:}") String sandboxUrl,
            @Value("${holdfast.alipay.client-id:}") String antomClientId) {
        // refuses to start when the sandbox clock is configured against a live (non-SANDBOX_) client id
        return SandboxFollowingClock.systemUnlessFollowing(sandboxUrl, antomClientId);
    }

    /** The request timeout of the margin is the Antom client's whole-call timeout (same property, same default). */
    @Bean
    GuardianSettings guardianSettings(CapturePolicyProperties properties,
            @Value("${holdfast.alipay.timeout:8s}") Duration requestTimeout) {
        return properties.toSettings(requestTimeout);
    }

    /** {@code holdfast.capture.deadline.anomalies{kind}}: PaymentAuthorized events whose authExpiryTime was not usable as is. */
    @Bean
    DeadlineAnomalies deadlineAnomalies(MeterRegistry registry) {
        return anomaly -> Counter.builder("holdfast.capture.deadline.anomalies").tag("kind", anomaly.name())
                .description("PaymentAuthorized events whose authExpiryTime was missing, unusable or beyond 7 days")
                .register(registry).increment();
    }

    @Bean
    Schedule schedule(GuardianSettings settings) {
        return new Schedule(settings);
    }

    @Bean
    Guardian guardian(GuardianSettings settings) {
        return new Guardian(settings);
    }

    @Bean
    CaptureOutcomes captureOutcomes(GuardianSettings settings) {
        return new CaptureOutcomes(settings);
    }

    @Bean
    ManualCaptureRules manualCaptureRules(GuardianSettings settings) {
        return new ManualCaptureRules(settings);
    }

    @Bean
    Transitions transitions(ScheduleStore store, Outbox outbox, Schedule schedule) {
        return new Transitions(store, outbox, schedule);
    }

    @Bean
    PaymentEventHandler paymentEventHandler(Transactions tx, Inbox inbox, ScheduleStore store,
            Transitions transitions, Guardian guardian, CaptureOutcomes outcomes, Schedule schedule,
            EarlyNotifications early, ParkedCommands parkedCommands, ManualCaptureRules rules, Outbox outbox,
            DeadlinePolicyCommandHandler policyChanges, DeadlineAnomalies anomalies, Clock clock) {
        return new PaymentEventHandler(tx, inbox, store, transitions, guardian, outcomes, schedule,
                new PaymentEventHandler.Parked(early, parkedCommands, rules, outbox, policyChanges), anomalies, clock);
    }

    @Bean
    CaptureCommandHandler captureCommandHandler(Transactions tx, Inbox inbox, ScheduleStore store,
            Transitions transitions, Outbox outbox, ManualCaptureRules rules, ParkedCommands parkedCommands,
            Clock clock) {
        return new CaptureCommandHandler(tx, inbox, store, transitions, outbox, rules, parkedCommands, clock);
    }

    @Bean
    CaptureNotificationHandler captureNotificationHandler(Transactions tx, Inbox inbox, ScheduleStore store,
            Transitions transitions, CaptureOutcomes outcomes, EarlyNotifications early, Clock clock) {
        return new CaptureNotificationHandler(tx, inbox, store, transitions, outcomes, early, clock);
    }

    @Bean
    DueWorkRunner dueWorkRunner(Transactions tx, ScheduleStore store, Transitions transitions, Guardian guardian,
            CaptureOutcomes outcomes, CaptureGateway antom, Clock clock, SchedulerProperties scheduler) {
        return new DueWorkRunner(tx, store, transitions, guardian, outcomes, antom, clock,
                new DueWorkRunner.Settings(scheduler.owner(), scheduler.batch(), scheduler.lease(),
                        scheduler.concurrency()));
    }
}
