package io.holdfast.capture.adapter.db;

import io.holdfast.capture.application.ScheduleStore;
import io.holdfast.capture.application.Transactions;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Test-only access to the service's own (package-private) PostgreSQL adapters, for programs outside Spring such as
 * {@code io.holdfast.capture.bench.DueWorkClaimBenchmark}: the real claiming SQL, not a copy of it.
 */
public final class DbAdapters {

    private DbAdapters() {
    }

    /** The service's schedule store over {@code connections}. */
    public static ScheduleStore scheduleStore(ConnectionFactory connections, Clock clock) {
        return new R2dbcScheduleStore(DatabaseClient.create(connections), clock);
    }

    /** The service's transactions over {@code connections}, as {@code DueWorkRunner} wraps each claim. */
    public static Transactions transactions(ConnectionFactory connections) {
        return new R2dbcTransactions(TransactionalOperator.create(new R2dbcTransactionManager(connections)));
    }
}
