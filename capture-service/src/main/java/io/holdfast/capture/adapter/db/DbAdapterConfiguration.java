package io.holdfast.capture.adapter.db;

import io.holdfast.capture.application.EarlyNotifications;
import io.holdfast.capture.application.Inbox;
import io.holdfast.capture.application.OutboundMessages;
import io.holdfast.capture.application.ParkedCommands;
import io.holdfast.capture.application.RefundMessages;
import io.holdfast.capture.application.RefundOutbox;
import io.holdfast.capture.application.RefundStore;
import io.holdfast.capture.application.ScheduleStore;
import io.holdfast.capture.application.Transactions;
import io.holdfast.messaging.inbox.R2dbcInboxStore;
import io.holdfast.messaging.outbox.R2dbcOutboxStore;
import io.holdfast.messaging.wakeup.Wakeup;
import java.time.Clock;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Wires the PostgreSQL (R2DBC) adapters. */
@Configuration(proxyBeanMethods = false)
public class DbAdapterConfiguration {

    /** The name of the {@link Wakeup} bean of the due-work loop. */
    public static final String DUE_WORK_WAKEUP = "dueWorkWakeup";
    /** The name of the {@link Wakeup} bean of the outbox relay. */
    public static final String OUTBOX_WAKEUP = "outboxWakeup";

    @Bean
    ScheduleStore scheduleStore(DatabaseClient db, Clock clock, @Qualifier(DUE_WORK_WAKEUP) Wakeup dueWorkWakeup) {
        return new R2dbcScheduleStore(db, clock, dueWorkWakeup);
    }

    /** Signalled after a commit that made a row due at once: the due-work loop claims it without waiting its poll. */
    @Bean(DUE_WORK_WAKEUP)
    Wakeup dueWorkWakeup() {
        return new Wakeup();
    }

    /** Signalled after a commit that appended outbox rows: the relay publishes them without waiting its poll. */
    @Bean(OUTBOX_WAKEUP)
    Wakeup outboxWakeup() {
        return new Wakeup();
    }

    @Bean
    Inbox inbox(DatabaseClient db) {
        return new R2dbcInbox(new R2dbcInboxStore(db)); // the shared inbox table (messaging module)
    }

    @Bean
    EarlyNotifications earlyNotifications(DatabaseClient db) {
        return new R2dbcEarlyNotifications(db);
    }

    @Bean
    ParkedCommands parkedCommands(DatabaseClient db) {
        return new R2dbcParkedCommands(db);
    }

    /** The shared outbox table ({@code messaging} module): appended to by {@link #outbox}, read by the relay. */
    @Bean
    R2dbcOutboxStore outboxStore(DatabaseClient db, @Qualifier(OUTBOX_WAKEUP) Wakeup outboxWakeup) {
        return new R2dbcOutboxStore(db, outboxWakeup);
    }

    /** The writers' port of the outbox. */
    @Bean
    R2dbcOutbox outbox(R2dbcOutboxStore store, OutboundMessages messages, Clock clock) {
        // outbox row ids only need to be unique; they are never compared or ordered
        return new R2dbcOutbox(store, messages, clock, UUID::randomUUID);
    }

    @Bean
    RefundStore refundStore(DatabaseClient db, Clock clock) {
        return new R2dbcRefundStore(db, clock);
    }

    /** The writers' port of the outbox for refund events. */
    @Bean
    RefundOutbox refundOutbox(R2dbcOutboxStore store, RefundMessages messages, Clock clock) {
        return new R2dbcRefundOutbox(store, messages, clock, UUID::randomUUID);
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
