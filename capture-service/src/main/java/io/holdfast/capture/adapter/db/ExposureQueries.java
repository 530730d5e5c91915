package io.holdfast.capture.adapter.db;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** Read-only queries behind the money-at-risk metrics. */
public final class ExposureQueries {

    /** Open MANUAL authorizations within a time-to-deadline bucket, per currency and deadline policy. */
    public record Bucket(String bucket, String currency, String policy, long count, long amountMinor) {
    }

    /**
     * Open MANUAL authorizations of one deadline policy past the point where the policy acts (deadline − safety
     * margin): in normal operation the guardian has already captured or voided them, or is waiting for the answer.
     */
    public record Overdue(String policy, long count) {
    }

    /** Refunds of one status that is not final (REQUESTED, PENDING, UNKNOWN) requested before a threshold. */
    public record UnfinishedRefunds(String status, long count) {
    }

    /**
     * A snapshot of the exposure.
     *
     * @param failedBeforeDeadline MANUAL authorizations whose capture failed while their deadline is still ahead
     * @param unpublished outbox rows not yet published
     * @param oldestUnpublished age of the oldest of them (zero when none): a stuck relay shows here
     * @param unfinishedRefunds refunds still not final longer than the threshold, per status (every status listed)
     */
    public record Exposure(List<Bucket> buckets, List<Overdue> overdue, Duration oldestUnconfirmedCapture,
            long deadlineMisses, long failedBeforeDeadline, long unpublished, Duration oldestUnpublished,
            List<UnfinishedRefunds> unfinishedRefunds) {
    }

    private static final String OPEN = "('AUTHORIZED','CAPTURE_SCHEDULED','CAPTURE_REQUESTED','CAPTURE_PENDING',"
            + "'CAPTURE_UNKNOWN','VOID_REQUESTED')";

    /**
     * Money at risk: open authorizations, and failed captures whose authorization is still alive (the money was not
     * captured and will be released at the deadline unless someone acts; a late success from Antom also ends it).
     */
    private static final String AT_RISK = "(s.status in " + OPEN
            + " or (s.status = 'CAPTURE_FAILED' and s.deadline > :now))";

    private final DatabaseClient db;
    private final Clock clock;

    public ExposureQueries(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Counts and amounts per bucket (&lt;6h, &lt;24h, &lt;48h, &lt;7d; cumulative) and policy, the rows past their
     * policy's point ({@code deadline - policyActsBefore}), oldest capture, misses, and the refunds still not final
     * {@code refundsUnfinishedAfter} after they were requested.
     */
    public Mono<Exposure> snapshot(Duration policyActsBefore, Duration refundsUnfinishedAfter) {
        Instant now = clock.instant();
        var buckets = db.sql("select b.name, s.currency, s.policy, count(*) as n, sum(s.amount_minor) as amount "
                        + "from capture_schedule s join (values ('6h', interval '6 hours'), ('24h', interval '24 hours'),"
                        + " ('48h', interval '48 hours'), ('7d', interval '7 days')) as b(name, width) "
                        + "on s.deadline - :now < b.width where s.capture_mode = 'MANUAL' and " + AT_RISK
                        + " group by b.name, s.currency, s.policy")
                .bind("now", R2dbcScheduleStore.utc(now))
                .map(r -> new Bucket(r.get("name", String.class), r.get("currency", String.class),
                        r.get("policy", String.class), r.get("n", Long.class),
                        r.get("amount", BigDecimal.class).longValue()))
                .all().collectList();
        var overdue = db.sql("select p.policy, count(s.policy) as n from (values ('CAPTURE'), ('VOID'), ('EXPIRE'))"
                        + " as p(policy) left join capture_schedule s on s.policy = p.policy"
                        + " and s.capture_mode = 'MANUAL' and s.deadline <= :actsAt and " + AT_RISK
                        + " group by p.policy")
                .bind("now", R2dbcScheduleStore.utc(now))
                .bind("actsAt", R2dbcScheduleStore.utc(now.plus(policyActsBefore)))
                .map(r -> new Overdue(r.get("policy", String.class), r.get("n", Long.class)))
                .all().collectList();
        var oldest = db.sql("select min(coalesce(capture_requested_at, authorized_at)) as t from capture_schedule "
                        + "where status in ('CAPTURE_REQUESTED','CAPTURE_PENDING','CAPTURE_UNKNOWN',"
                        + "'AWAITING_AUTO_CAPTURE')")
                .map(r -> Optional.ofNullable(r.get("t", OffsetDateTime.class)))
                .one()
                .map(t -> t.map(x -> Duration.between(x.toInstant(), now)).orElse(Duration.ZERO));
        var misses = db.sql("select count(*) as n from capture_schedule where deadline_missed")
                .map(r -> r.get("n", Long.class)).one();
        var failed = db.sql("select count(*) as n from capture_schedule where capture_mode = 'MANUAL' "
                        + "and status = 'CAPTURE_FAILED' and deadline > :now")
                .bind("now", R2dbcScheduleStore.utc(now)).map(r -> r.get("n", Long.class)).one();
        var outbox = db.sql("select count(*) as n, min(publication_date) as t from outbox where completion_date is null")
                .map(r -> {
                    OffsetDateTime first = r.get("t", OffsetDateTime.class);
                    return new Backlog(r.get("n", Long.class),
                            first == null ? Duration.ZERO : Duration.between(first.toInstant(), now));
                }).one();
        // refund_attempt_due holds exactly the refunds that are not final (due_at is null once final): a small scan
        var refunds = db.sql("select s.status, count(r.status) as n from (values ('REQUESTED'), ('PENDING'), "
                        + "('UNKNOWN')) as s(status) left join refund_attempt r on r.status = s.status "
                        + "and r.due_at is not null and r.requested_at < :before group by s.status")
                .bind("before", R2dbcScheduleStore.utc(now.minus(refundsUnfinishedAfter)))
                .map(r -> new UnfinishedRefunds(r.get("status", String.class), r.get("n", Long.class)))
                .all().collectList();
        return Mono.zip(buckets, overdue, oldest, misses, failed, outbox, refunds).map(t -> new Exposure(t.getT1(),
                t.getT2(), t.getT3(), t.getT4(), t.getT5(), t.getT6().count(), t.getT6().oldest(), t.getT7()));
    }

    private record Backlog(long count, Duration oldest) {
    }
}
