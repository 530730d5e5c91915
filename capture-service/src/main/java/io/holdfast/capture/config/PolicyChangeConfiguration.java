package io.holdfast.capture.config;

import io.holdfast.capture.application.DeadlinePolicyCommandHandler;
import io.holdfast.capture.application.Inbox;
import io.holdfast.capture.application.Outbox;
import io.holdfast.capture.application.ParkedCommands;
import io.holdfast.capture.application.PolicyStore;
import io.holdfast.capture.application.ScheduleStore;
import io.holdfast.capture.application.Transactions;
import io.holdfast.capture.domain.Schedule;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ChangeDeadlinePolicy use case (operators' commands from payment-view's console). */
@Configuration(proxyBeanMethods = false)
public class PolicyChangeConfiguration {

    @Bean
    DeadlinePolicyCommandHandler deadlinePolicyCommandHandler(Transactions tx, Inbox inbox, ScheduleStore store,
            PolicyStore policies, Outbox outbox, ParkedCommands parkedCommands, Schedule schedule, Clock clock) {
        return new DeadlinePolicyCommandHandler(tx, inbox, store, policies, outbox, parkedCommands, schedule, clock);
    }
}
