package io.holdfast.capture.bench;

import io.holdfast.capture.adapter.db.DbAdapters;
import io.holdfast.capture.application.ScheduleStore;
import io.holdfast.capture.application.Transactions;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Parameter;
import io.r2dbc.spi.Statement;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.reactivestreams.Publisher;
import org.springframework.r2dbc.connection.SingleConnectionFactory;
import reactor.core.publisher.Mono;

/**
 * Due-work claim rate on real PostgreSQL (zonky), with the service's own Flyway migrations and its own claiming
 * adapter ({@code R2dbcScheduleStore.claimDue}, in a transaction as {@code DueWorkRunner} runs it):
 * <ol>
 * <li>1,000,000 pending MANUAL rows (a {@code generate_series} insert with the table's constraints), 2 % due now,
 * the rest due over the next 5 days; the EXPLAIN ANALYZE of the exact SQL and binds the adapter sent; then every due
 * row claimed in batches of 50: claims/s, rows/s, latency p50/p99/max;</li>
 * <li>the claim latency with 2,000 rows due and a backlog of 1,000,000 vs 10,000 pending rows (5 rounds each, the
 * claimed rows released between rounds);</li>
 * <li>the same claim through an unpooled connection factory (a new connection per claim), as the service is wired
 * today without r2dbc-pool.</li>
 * </ol>
 * Run: {@code ./mvnw -B -o -pl capture-service test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.holdfast.capture.bench.DueWorkClaimBenchmark} (see the README); {@code -Dbench.rows},
 * {@code -Dbench.batch} change the size.
 */
public final class DueWorkClaimBenchmark {

    private static final Instant NOW = Instant.parse("2027-01-04T12:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int ROUNDS = 5;

    private DueWorkClaimBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("bench.rows", 1_000_000);
        int batch = Integer.getInteger("bench.batch", 50);
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            DataSource jdbc = pg.getPostgresDatabase();
            Flyway.configure().dataSource(jdbc).load().migrate();
            ConnectionFactory r2dbc = ConnectionFactories.get("r2dbc:postgresql://postgres:postgres@localhost:"
                    + pg.getPort() + "/postgres");
            List<Object[]> sent = new ArrayList<>();
            // one reused connection: the figures are the SQL's, not connection setup's
            ConnectionFactory single = new SingleConnectionFactory(Mono.from(capturing(r2dbc, sent).create())
                    .block(), r2dbc.getMetadata(), true);
            ScheduleStore store = DbAdapters.scheduleStore(single, Clock.fixed(NOW, ZoneOffset.UTC));
            Transactions tx = DbAdapters.transactions(single);

            long started = System.nanoTime();
            load(jdbc, rows, rows / 50);
            System.out.printf("loaded %,d pending rows (%,d due now) in %.1f s%n", rows, rows / 50,
                    (System.nanoTime() - started) / 1e9);
            claimOnce(store, tx, batch, "warm-up");
            explain(jdbc, sent.get(sent.size() - 1));
            print("throughput, backlog " + String.format("%,d", rows), drain(store, tx, batch));

            for (int backlog : new int[] {rows, 10_000}) {
                load(jdbc, backlog, 2_000);
                claimOnce(store, tx, batch, "warm-up");
                explain(jdbc, sent.get(sent.size() - 1));
                List<long[]> claims = new ArrayList<>();
                for (int round = 0; round < ROUNDS; round++) {
                    claims.addAll(Arrays.asList(drain(store, tx, batch)));
                    release(jdbc);
                }
                print("latency, 2,000 due, backlog " + String.format("%,d", backlog) + ", " + ROUNDS + " rounds",
                        claims.toArray(new long[0][]));
            }
            // as the service is wired today: no connection pool on the classpath, a new connection per transaction
            ScheduleStore unpooled = DbAdapters.scheduleStore(r2dbc, Clock.fixed(NOW, ZoneOffset.UTC));
            print("unpooled (new connection per claim), 2,000 due, backlog 10,000",
                    drain(unpooled, DbAdapters.transactions(r2dbc), batch));
        }
    }

    /** Replaces the table's rows with {@code rows} pending MANUAL authorizations, {@code due} of them due now. */
    private static void load(DataSource jdbc, int rows, int due) throws SQLException {
        try (var c = jdbc.getConnection(); var s = c.createStatement()) {
            s.execute("truncate capture_schedule");
            String now = "timestamptz '" + NOW + "'";
            s.execute("insert into capture_schedule (payment_request_id, payment_id, amount_minor, currency, "
                    + "capture_mode, policy, authorized_at, deadline, status, last_warning_ms, version, updated_at, "
                    + "due_at) select 'bench-' || g, 'ap-bench-' || g, 100 + g % 50000, "
                    + "(array['USD', 'EUR', 'JPY'])[1 + g % 3], 'MANUAL', (array['CAPTURE', 'VOID', 'EXPIRE'])[1 + g % 3], "
                    + "authorized, authorized + interval '7 days', 'AUTHORIZED', null, 0, " + now + ", "
                    // spread: a due row every rows/due rows, due up to 10 minutes ago; the others within 5 days
                    + "case when g % (" + rows + " / " + due + ") = 0 then " + now + " - (g % 600) * interval '1 second' "
                    + "else " + now + " + (1 + g % 432000) * interval '1 second' end "
                    + "from (select g, " + now + " - (g % 518400) * interval '1 second' as authorized "
                    + "from generate_series(1, " + rows + ") g) s");
            s.execute("vacuum analyze capture_schedule");
        }
    }

    /** Makes the rows the benchmark claimed due again (as if their lease had ended). */
    private static void release(DataSource jdbc) throws SQLException {
        try (var c = jdbc.getConnection(); var s = c.createStatement()) {
            s.execute("update capture_schedule set due_at = timestamptz '" + NOW + "' - interval '1 minute', "
                    + "lease_owner = null where lease_owner = 'bench'");
            s.execute("vacuum analyze capture_schedule");
        }
    }

    private static void claimOnce(ScheduleStore store, Transactions tx, int batch, String owner) {
        tx.inTransaction(store.claimDue(NOW, NOW.plus(LEASE), batch, owner).collectList()).block();
    }

    /** Claims until nothing is due; per-claim latency in nanoseconds and rows claimed. */
    private static long[][] drain(ScheduleStore store, Transactions tx, int batch) {
        List<long[]> claims = new ArrayList<>();
        while (true) {
            long t0 = System.nanoTime();
            int n = tx.inTransaction(store.claimDue(NOW, NOW.plus(LEASE), batch, "bench").collectList())
                    .map(List::size).block();
            long took = System.nanoTime() - t0;
            if (n == 0) {
                return claims.toArray(new long[0][]);
            }
            claims.add(new long[] {took, n});
        }
    }

    private static void print(String label, long[][] claims) {
        long total = Arrays.stream(claims).mapToLong(c -> c[0]).sum();
        long rows = Arrays.stream(claims).mapToLong(c -> c[1]).sum();
        long[] sorted = Arrays.stream(claims).mapToLong(c -> c[0]).sorted().toArray();
        System.out.printf("[%s: claims=%,d rows=%,d, %.0f claims/s, %.0f rows/s, latency p50=%.2f ms p99=%.2f ms "
                        + "max=%.2f ms]%n", label, claims.length, rows, claims.length / (total / 1e9),
                rows / (total / 1e9), sorted[sorted.length / 2] / 1e6,
                sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }

    /** EXPLAIN (ANALYZE, BUFFERS) of the statement the adapter sent, with its binds, rolled back. */
    private static void explain(DataSource jdbc, Object[] statement) throws SQLException {
        String sql = (String) statement[0];
        @SuppressWarnings("unchecked")
        Map<Integer, Object> binds = (Map<Integer, Object>) statement[1];
        List<String> args = new ArrayList<>();
        binds.values().forEach(v -> args.add(v instanceof OffsetDateTime t ? "timestamptz '" + t + "'"
                : v instanceof String s ? "'" + s + "'" : String.valueOf(v)));
        System.out.println("claim SQL sent by R2dbcScheduleStore.claimDue: " + sql);
        try (var c = jdbc.getConnection(); var s = c.createStatement()) {
            try (ResultSet size = s.executeQuery("select count(*), pg_size_pretty(pg_total_relation_size("
                    + "'capture_schedule')), current_setting('shared_buffers') from capture_schedule")) {
                size.next();
                System.out.printf("rows=%,d table+indexes=%s shared_buffers=%s%n", size.getLong(1), size.getString(2),
                        size.getString(3));
            }
            c.setAutoCommit(false);
            s.execute("prepare claim as " + sql);
            try (ResultSet plan = s.executeQuery("explain (analyze, buffers) execute claim(" + String.join(", ", args)
                    + ")")) {
                while (plan.next()) {
                    System.out.println("  " + plan.getString(1));
                }
            }
            c.rollback();
        }
    }

    /** {@code factory}, recording every statement's SQL and indexed binds (the last one is the last claim). */
    private static ConnectionFactory capturing(ConnectionFactory factory, List<Object[]> sent) {
        return proxy(ConnectionFactory.class, factory, (m, a, result) -> m.getName().equals("create")
                ? Mono.from((Publisher<?>) result).map(c -> proxy(Connection.class, (Connection) c, (cm, ca, r) ->
                        cm.getName().equals("createStatement") ? recording((String) ca[0], (Statement) r, sent) : r,
                        null)) : result, null);
    }

    private static Statement recording(String sql, Statement statement, List<Object[]> sent) {
        Map<Integer, Object> binds = new TreeMap<>();
        return proxy(Statement.class, statement, (m, a, r) -> r, (m, a) -> {
            if (m.getName().equals("bind") && a[0] instanceof Integer i) {
                binds.put(i, a[1] instanceof Parameter parameter ? parameter.getValue() : a[1]);
            }
            if (m.getName().equals("execute")) {
                sent.add(new Object[] {sql, binds});
            }
        });
    }

    /** What a proxy does with a call's result. */
    private interface After {
        Object apply(Method method, Object[] args, Object result);
    }

    /** What a proxy notes before a call. */
    private interface Before {
        void accept(Method method, Object[] args);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, After after, Before before) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
            if (before != null) {
                before.accept(m, a);
            }
            try {
                Object result = m.invoke(target, a);
                // fluent statements return themselves: keep returning the proxy
                return result == target ? p : after.apply(m, a, result);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }
}
