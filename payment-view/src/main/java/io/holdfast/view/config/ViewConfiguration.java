package io.holdfast.view.config;

import io.holdfast.view.application.AuditLog;
import io.holdfast.view.application.CommandPublisher;
import io.holdfast.view.application.EventInbox;
import io.holdfast.view.application.OperatorActions;
import io.holdfast.view.application.ProjectEvent;
import io.holdfast.view.application.Transactions;
import io.holdfast.view.application.ViewStore;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The use cases and the one {@link Clock}. */
@Configuration(proxyBeanMethods = false)
public class ViewConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ProjectEvent projectEvent(ViewStore store, EventInbox inbox, Transactions transactions, Clock clock) {
        return new ProjectEvent(store, inbox, transactions, clock);
    }

    @Bean
    OperatorActions operatorActions(ViewStore store, AuditLog audit, CommandPublisher publisher, Clock clock) {
        return new OperatorActions(store, audit, publisher, clock);
    }
}
