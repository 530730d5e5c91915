package io.holdfast.view.config;

import io.holdfast.view.application.AuditLog;
import io.holdfast.view.application.CommandPublisher;
import io.holdfast.view.application.EventInbox;
import io.holdfast.view.application.OperatorActions;
import io.holdfast.view.application.ProjectEvent;
import io.holdfast.view.application.Transactions;
import io.holdfast.view.application.ViewStore;
import io.holdfast.alipay.client.sandbox.SandboxFollowingClock;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The use cases and the one {@link Clock}. */
@Configuration(proxyBeanMethods = false)
public class ViewConfiguration {

    /**
     * The one clock: the system clock, or in the local stack the alipay-sandbox's movable clock, as the services
     * have it (the board's countdowns then match the deadlines the services enforce after the demo moves time).
     * Refused, as there, unless the Antom client id ({@code holdfast.alipay.client-id}, holdfast-common in deploy/)
     * is a sandbox id.
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${holdfast.clock.sandbox-url:}") String sandboxUrl,
            @Value("${holdfast.alipay.client-id:}") String antomClientId) {
        return SandboxFollowingClock.systemUnlessFollowing(sandboxUrl, antomClientId);
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
