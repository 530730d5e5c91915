package io.holdfast.view.adapter.db;

import io.holdfast.messaging.inbox.R2dbcInboxStore;
import io.holdfast.view.application.AuditLog;
import io.holdfast.view.application.EventInbox;
import io.holdfast.view.application.Transactions;
import io.holdfast.view.application.ViewStore;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.server.session.WebSessionStore;

/**
 * Wires the database adapters: the view's tables, the shared inbox (messaging), the audit table, the console's
 * sessions, transactions.
 */
@Configuration(proxyBeanMethods = false)
public class DbAdapterConfiguration {

    @Bean
    ViewStore viewStore(DatabaseClient db) {
        return new R2dbcViewStore(db);
    }

    @Bean
    EventInbox eventInbox(DatabaseClient db) {
        return new R2dbcEventInbox(new R2dbcInboxStore(db));
    }

    @Bean
    AuditLog auditLog(DatabaseClient db) {
        return new R2dbcAuditLog(db);
    }

    /**
     * The console's sessions, shared by every replica. Idle timeout: Boot's {@code server.reactive.session.timeout}
     * (30 min); the last access is written at most once per {@code holdfast.view.console.session.touch-interval}
     * (1 min); expired rows are purged by the first access after each
     * {@code holdfast.view.console.session.purge-interval} (5 min).
     */
    @Bean
    WebSessionStore consoleSessionStore(DatabaseClient db, Clock clock,
            @Value("${server.reactive.session.timeout:30m}") Duration maxIdle,
            @Value("${holdfast.view.console.session.touch-interval:1m}") Duration touchInterval,
            @Value("${holdfast.view.console.session.purge-interval:5m}") Duration purgeInterval) {
        return new R2dbcWebSessionStore(db, clock, maxIdle, touchInterval, purgeInterval);
    }

    @Bean
    Transactions transactions(ReactiveTransactionManager transactions) {
        return new R2dbcTransactions(TransactionalOperator.create(transactions));
    }
}
