package io.holdfast.capture.adapter.db;

import io.holdfast.capture.application.EarlyNotifications;
import io.holdfast.capture.application.Inbox;
import io.holdfast.capture.application.OutboundMessages;
import io.holdfast.capture.application.ParkedCommands;
import io.holdfast.capture.application.ScheduleStore;
import io.holdfast.capture.application.Transactions;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Wires the PostgreSQL (R2DBC) adapters. */
@Configuration(proxyBeanMethods = false)
public class DbAdapterConfiguration {

    @Bean
    ScheduleStore scheduleStore(DatabaseClient db, Clock clock) {
        return new R2dbcScheduleStore(db, clock);
    }

    @Bean
    Inbox inbox(DatabaseClient db) {
        return new R2dbcInbox(db);
    }

    @Bean
    EarlyNotifications earlyNotifications(DatabaseClient db) {
        return new R2dbcEarlyNotifications(db);
    }

    @Bean
    ParkedCommands parkedCommands(DatabaseClient db) {
        return new R2dbcParkedCommands(db);
    }

    /** Both ports of the outbox: {@code Outbox} for writers, {@code OutboxStore} for the relay. */
    @Bean
    R2dbcOutbox outbox(DatabaseClient db, OutboundMessages messages, Clock clock) {
        // outbox row ids only need to be unique; they are never compared or ordered
        return new R2dbcOutbox(db, messages, clock, UUID::randomUUID);
    }

    @Bean
    Transactions transactions(ReactiveTransactionManager transactionManager) {
        return new R2dbcTransactions(TransactionalOperator.create(transactionManager));
    }

    @Bean
    ExposureQueries exposureQueries(DatabaseClient db, Clock clock) {
        return new ExposureQueries(db, clock);
    }
}
