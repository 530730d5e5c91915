package io.holdfast.view.adapter.db;

import io.holdfast.messaging.inbox.R2dbcInboxStore;
import io.holdfast.view.application.AuditLog;
import io.holdfast.view.application.EventInbox;
import io.holdfast.view.application.Transactions;
import io.holdfast.view.application.ViewStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Wires the database adapters: the view's tables, the shared inbox (messaging), the audit table, transactions. */
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

    @Bean
    Transactions transactions(ReactiveTransactionManager transactions) {
        return new R2dbcTransactions(TransactionalOperator.create(transactions));
    }
}
