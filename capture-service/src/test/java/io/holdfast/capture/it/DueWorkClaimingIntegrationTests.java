package io.holdfast.capture.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.alipay.client.signing.AlipayKeys;
import io.holdfast.capture.application.CaptureGateway;
import io.holdfast.capture.application.DueWorkRunner;
import io.holdfast.capture.application.Outbox;
import io.holdfast.capture.application.ScheduleStore;
import io.holdfast.capture.application.Transactions;
import io.holdfast.capture.application.Transitions;
import io.holdfast.capture.config.ExposureMetrics;
import io.holdfast.capture.domain.AuthorizedPayment;
import io.holdfast.capture.domain.Authorization;
import io.holdfast.capture.domain.CaptureEvent;
import io.holdfast.capture.domain.CaptureLookup;
import io.holdfast.capture.domain.CaptureMode;
import io.holdfast.capture.domain.CaptureOutcomes;
import io.holdfast.capture.domain.CaptureResult;
import io.holdfast.capture.domain.CaptureStatus;
import io.holdfast.capture.domain.CaptureTransaction;
import io.holdfast.capture.domain.DeadlinePolicy;
import io.holdfast.capture.domain.Guardian;
import io.holdfast.capture.domain.Money;
import io.holdfast.capture.domain.Schedule;
import io.holdfast.messaging.testing.EmbeddedDatabase;
import io.holdfast.messaging.testing.MutableClock;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Mono;

/**
 * The scheduler's claim on real PostgreSQL: two claimers on the same database run each due job once, a crashed
 * claim is taken over after its lease, finding due work uses the partial index, and the exposure gauges. The
 * service's own loops and listeners are off: the tests drive the claimers; Antom is a counting fake.
 */
@SpringBootTest(properties = {
        "holdfast.capture.scheduler.enabled=false",
        "spring.kafka.listener.auto-startup=false",
        "holdfast.alipay.base-url=https://localhost:1",
        "holdfast.alipay.client-id=UNUSED"})
class DueWorkClaimingIntegrationTests {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2027-06-01T00:00:00Z"));
    static final Map<String, AtomicInteger> CAPTURE_CALLS = new ConcurrentHashMap<>();

    @Autowired
    ScheduleStore store;
    @Autowired
    Transactions tx;
    @Autowired
    Transitions transitions;
    @Autowired
    Guardian guardian;
    @Autowired
    CaptureOutcomes outcomes;
    @Autowired
    Schedule schedule;
    @Autowired
    CaptureGateway antom;
    @Autowired
    DatabaseClient db;
    @Autowired
    ExposureMetrics metrics;
    @Autowired
    Outbox outbox;
    @Autowired
    MeterRegistry registry;

    @TestConfiguration
    static class Fakes {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }

        /** Antom that captures at once and counts every capture request per captureRequestId. */
        @Bean
        @Primary
        CaptureGateway countingAntom() {
            return new CaptureGateway() {
                @Override
                public Mono<CaptureResult> capture(String captureRequestId, String paymentId, Money amount) {
                    CAPTURE_CALLS.computeIfAbsent(captureRequestId, k -> new AtomicInteger()).incrementAndGet();
                    return Mono.just(new CaptureResult.Captured("c-" + captureRequestId, CLOCK.instant()));
                }

                @Override
                public Mono<CaptureLookup> captures(String paymentId) {
                    return Mono.just(new CaptureLookup.Answered(List.of()));
                }
            };
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        EmbeddedDatabase.register(registry, "capture_claims");
        var keys = AlipayKeys.generate(new SecureRandom()); // TEST-ONLY, never used for a call
        registry.add("holdfast.alipay.merchant-private-key", () -> AlipayKeys.toBase64(keys.getPrivate()));
        registry.add("holdfast.alipay.alipay-public-key", () -> AlipayKeys.toBase64(keys.getPublic()));
        registry.add("holdfast.schema-registry.url", () -> "http://localhost:1");
    }

    @Test
    void twoClaimersOnOneDatabaseExecuteEachDueJobOnce() {
        List<String> ids = IntStream.range(0, 40).mapToObj(i -> insertDue("two-" + i, "USD")).toList();
        DueWorkRunner a = runner("replica-a");
        DueWorkRunner b = runner("replica-b");

        CompletableFuture.allOf(CompletableFuture.runAsync(() -> drain(a)), CompletableFuture.runAsync(() -> drain(b)))
                .join();

        for (String id : ids) {
            assertThat(CAPTURE_CALLS.get(Authorization.captureRequestIdFor(id))).hasValue(1);
            assertThat(store.find(id).block().status()).isEqualTo(CaptureStatus.CAPTURED);
            assertThat(outboxCount(id, "CaptureSucceeded")).isEqualTo(1);
        }
    }

    @Test
    void aClaimWhoseOwnerDiedIsTakenOverAfterItsLease() {
        String id = insertDue("lease", "USD");
        DueWorkRunner survivor = runner("survivor");
        // the crashed replica claimed it (and never worked it)
        Instant now = CLOCK.instant();
        List<Authorization> claimed = tx.inTransaction(store.claimDue(now, now.plus(Duration.ofMinutes(2)), 100,
                "crashed").collectList()).block();
        assertThat(claimed).extracting(Authorization::paymentRequestId).contains(id);
        drain(survivor);
        assertThat(store.find(id).block().status()).isEqualTo(CaptureStatus.AUTHORIZED);

        CLOCK.advance(Duration.ofMinutes(2));
        drain(survivor);
        assertThat(store.find(id).block().status()).isEqualTo(CaptureStatus.CAPTURED);
        assertThat(CAPTURE_CALLS.get(Authorization.captureRequestIdFor(id))).hasValue(1);
    }

    @Test
    void aRefusedResendAfterAnUnknownIsVerifiedByInquiryAndAntomsSuccessWins() {
        String id = insertDue("verify", "USD");
        String ours = Authorization.captureRequestIdFor(id);
        // Antom: the first capture times out (it went through), the re-send after an empty inquiry is refused as a
        // repeat, and the verifying inquiry finds the first one captured
        Deque<CaptureResult> results = new ArrayDeque<>(List.of(new CaptureResult.Unknown("timeout"),
                new CaptureResult.Refused("REPEAT_REQ_INCONSISTENT", "a capture with this id exists")));
        Deque<CaptureLookup> lookups = new ArrayDeque<>(List.of(new CaptureLookup.Answered(List.of()),
                new CaptureLookup.Answered(List.of(new CaptureTransaction(ours, "c-first",
                        CaptureTransaction.Status.SUCCEEDED, "SUCCESS", null, CLOCK.instant())))));
        CaptureGateway scripted = new CaptureGateway() {
            @Override
            public Mono<CaptureResult> capture(String captureRequestId, String paymentId, Money amount) {
                return ours.equals(captureRequestId) ? Mono.just(results.remove())
                        : Mono.just(new CaptureResult.Captured("c-" + captureRequestId, CLOCK.instant()));
            }

            @Override
            public Mono<CaptureLookup> captures(String paymentId) {
                return paymentId.equals("ap-" + id) ? Mono.just(lookups.remove())
                        : Mono.just(new CaptureLookup.Answered(List.of()));
            }
        };
        DueWorkRunner runner = new DueWorkRunner(tx, store, transitions, guardian, outcomes, scripted, CLOCK,
                new DueWorkRunner.Settings("verifier", 5, Duration.ofMinutes(2), 1));
        drain(runner);
        assertThat(store.find(id).block().status()).isEqualTo(CaptureStatus.CAPTURE_UNKNOWN);
        CLOCK.advance(Duration.ofMinutes(11)); // the inquiry is due: nothing found, re-sent, refused, verified
        drain(runner);

        assertThat(results).isEmpty();
        assertThat(lookups).isEmpty();
        assertThat(store.find(id).block().status()).isEqualTo(CaptureStatus.CAPTURED);
        assertThat(outboxCount(id, "CaptureFailed")).isZero();
        assertThat(outboxCount(id, "CaptureSucceeded")).isEqualTo(1);
    }

    /**
     * A row whose inquiry is in flight stays claimed until the claim's lease ends, and so does one whose inquiry
     * failed. Before, the inquiry step wrote the row back due (its old next action) and unclaimed before asking Antom:
     * another replica could ask again meanwhile, and an inquiry that failed was retried by the very next pass (which
     * that write woke at once) for as long as Antom could not be reached.
     */
    @Test
    void aRowWhoseInquiryFailedStaysClaimedUntilItsLeaseEnds() {
        String id = insertDue("inquiry", "USD");
        String ours = Authorization.captureRequestIdFor(id);
        AtomicInteger inquiries = new AtomicInteger();
        // the capture times out (outcome unknown), then Antom cannot be reached for the inquiry
        CaptureGateway unreachable = new CaptureGateway() {
            @Override
            public Mono<CaptureResult> capture(String captureRequestId, String paymentId, Money amount) {
                return ours.equals(captureRequestId) ? Mono.just(new CaptureResult.Unknown("timeout"))
                        : Mono.just(new CaptureResult.Captured("c-" + captureRequestId, CLOCK.instant()));
            }

            @Override
            public Mono<CaptureLookup> captures(String paymentId) {
                if (!paymentId.equals("ap-" + id)) {
                    return Mono.just(new CaptureLookup.Answered(List.of()));
                }
                inquiries.incrementAndGet();
                return Mono.error(new IllegalStateException("Antom cannot be reached"));
            }
        };
        DueWorkRunner runner = new DueWorkRunner(tx, store, transitions, guardian, outcomes, unreachable, CLOCK,
                new DueWorkRunner.Settings("inquirer", 5, Duration.ofMinutes(2), 1));
        drain(runner);
        assertThat(store.find(id).block().status()).isEqualTo(CaptureStatus.CAPTURE_UNKNOWN);

        CLOCK.advance(Duration.ofMinutes(11)); // the inquiry is due
        for (int pass = 0; pass < 50 && inquiries.get() == 0; pass++) {
            runner.runOnce().block(); // other tests' rows may be due first
        }
        for (int pass = 0; pass < 5; pass++) {
            runner.runOnce().block();
        }
        assertThat(inquiries).as("inquiries within the claim's lease").hasValue(1);
        assertThat(store.find(id).block().status()).isEqualTo(CaptureStatus.CAPTURE_UNKNOWN);

        CLOCK.advance(Duration.ofMinutes(2)); // the lease ended: asked again
        runner.runOnce().block();
        assertThat(inquiries).hasValue(2);
    }

    @Test
    void findingDueWorkUsesThePartialIndexWhateverTheBacklog() {
        db.sql("insert into capture_schedule (payment_request_id, payment_id, amount_minor, currency, capture_mode, "
                + "policy, authorized_at, deadline, status, version, updated_at, captured_at, due_at) "
                + "select 'done-' || g, 'ap-done-' || g, 100, 'USD', 'MANUAL', 'CAPTURE', now(), now(), 'CAPTURED', 0,"
                + " now(), now(), null from generate_series(1, 20000) g").fetch().rowsUpdated().block();
        db.sql("analyze capture_schedule").fetch().rowsUpdated().block();
        String plan = String.join("\n", db.sql("explain select payment_request_id from capture_schedule "
                        + "where due_at <= timestamptz '2027-06-01 00:00:00+00' order by due_at limit 50 "
                        + "for update skip locked")
                .map(r -> r.get(0, String.class)).all().collectList().block());
        assertThat(plan).contains("capture_schedule_due").doesNotContain("Seq Scan");
    }

    @Test
    void exposureGaugesCountMoneyAtRiskPerTimeToDeadline() {
        Instant now = CLOCK.instant();
        insertWithDeadline("exp-3h", now.plus(Duration.ofHours(3)));
        insertWithDeadline("exp-20h", now.plus(Duration.ofHours(20)));
        insertWithDeadline("exp-3d", now.plus(Duration.ofDays(3)));
        // a capture recorded as failed: the authorization is alive and uncaptured, so its money is at risk too
        insertFailedWithDeadline("exp-failed-3h", now.plus(Duration.ofHours(3)));
        insertFailedWithDeadline("exp-failed-gone", now.minus(Duration.ofHours(3)));
        outbox.append(List.of(new CaptureEvent.AuthorizationExpired("exp-unpublished", "ap-x", new Money(1, "JPY"),
                now)), null, "test").block();
        metrics.refresh();
        assertThat(gauge("holdfast.capture.exposure.authorizations", "6h", "EXPIRE")).isEqualTo(2);
        assertThat(gauge("holdfast.capture.exposure.authorizations", "24h", "EXPIRE")).isEqualTo(3);
        assertThat(gauge("holdfast.capture.exposure.authorizations", "48h", "EXPIRE")).isEqualTo(3);
        assertThat(gauge("holdfast.capture.exposure.authorizations", "7d", "EXPIRE")).isEqualTo(4);
        assertThat(gauge("holdfast.capture.exposure.amount", "7d", "EXPIRE")).isEqualTo(4 * 777);
        assertThat(registry.get("holdfast.capture.failed.authorizations").gauge().value()).isEqualTo(1);
        assertThat(registry.get("holdfast.capture.deadline.misses").gauge().value()).isZero();
        assertThat(registry.get("holdfast.capture.outbox.unpublished").gauge().value())
                .isPositive(); // no relay runs in this context
    }

    /**
     * The deadline alerts in deploy select on the {@code policy} tag: an EXPIRE row near its deadline is the plan, a
     * CAPTURE row 20 h before its deadline is in the normal window before the policy acts (deadline − safety margin
     * 12 h), a CAPTURE row 3 h before it is overdue: its policy should have acted 9 h ago; a row half an hour past
     * its policy point is within the hour its capture may take.
     */
    @Test
    void exposureGaugesAreTaggedWithThePolicyAndCountRowsPastThePolicyPoint() {
        Instant now = CLOCK.instant();
        String currency = "CHF";
        insertWithDeadline("pol-expire-3h", now.plus(Duration.ofHours(3)), DeadlinePolicy.EXPIRE, currency);
        insertWithDeadline("pol-capture-20h", now.plus(Duration.ofHours(20)), DeadlinePolicy.CAPTURE, currency);
        insertWithDeadline("pol-capture-3h", now.plus(Duration.ofHours(3)), DeadlinePolicy.CAPTURE, currency);
        insertWithDeadline("pol-void-10h", now.plus(Duration.ofHours(10)), DeadlinePolicy.VOID, currency);
        metrics.refresh();

        assertThat(registry.get("holdfast.capture.exposure.authorizations")
                .tags("bucket", "6h", "currency", currency, "policy", "EXPIRE").gauge().value()).isEqualTo(1);
        assertThat(registry.get("holdfast.capture.exposure.authorizations")
                .tags("bucket", "6h", "currency", currency, "policy", "CAPTURE").gauge().value()).isEqualTo(1);
        assertThat(registry.get("holdfast.capture.exposure.authorizations")
                .tags("bucket", "24h", "currency", currency, "policy", "CAPTURE").gauge().value()).isEqualTo(2);
        assertThat(registry.get("holdfast.capture.exposure.authorizations")
                .tags("bucket", "24h", "currency", currency, "policy", "VOID").gauge().value()).isEqualTo(1);
        // over an hour past deadline - 12 h and still open: the CAPTURE row at 3 h and the VOID row at 10 h
        assertThat(overdue("CAPTURE")).isGreaterThanOrEqualTo(1);
        assertThat(overdue("VOID")).isGreaterThanOrEqualTo(1);
        double captureBefore = overdue("CAPTURE");
        insertWithDeadline("pol-capture-13h", now.plus(Duration.ofHours(13)), DeadlinePolicy.CAPTURE, currency);
        insertWithDeadline("pol-capture-11h30", now.plus(Duration.ofMinutes(11 * 60 + 30)), DeadlinePolicy.CAPTURE,
                currency);
        metrics.refresh();
        assertThat(overdue("CAPTURE")).as("CAPTURE rows 13 h and 11.5 h before their deadline are not overdue")
                .isEqualTo(captureBefore);
    }

    /**
     * Refunds that do not finish are seen: those still REQUESTED, PENDING or UNKNOWN more than
     * {@code holdfast.capture.refunds.unfinished-after} (1 h) after they were requested, per status; final ones and
     * younger ones are not counted.
     */
    @Test
    void theUnfinishedRefundsGaugeCountsRefundsNotFinalLongerThanTheThreshold() {
        Instant now = CLOCK.instant();
        String id = insertCaptured("refunds", now.minus(Duration.ofDays(1)));
        insertRefund(id, "REQUESTED", now.minus(Duration.ofHours(2)));
        insertRefund(id, "PENDING", now.minus(Duration.ofHours(2)));
        insertRefund(id, "UNKNOWN", now.minus(Duration.ofMinutes(61)));
        insertRefund(id, "PENDING", now.minus(Duration.ofMinutes(59))); // young: Antom is still at it
        insertRefund(id, "SUCCEEDED", now.minus(Duration.ofHours(3)));
        insertRefund(id, "FAILED", now.minus(Duration.ofHours(3)));

        metrics.refresh();

        assertThat(unfinishedRefunds("REQUESTED")).isEqualTo(1);
        assertThat(unfinishedRefunds("PENDING")).isEqualTo(1);
        assertThat(unfinishedRefunds("UNKNOWN")).isEqualTo(1);
        assertThat(registry.find("holdfast.capture.refunds.unfinished").gauges()).hasSize(3);
    }

    private double unfinishedRefunds(String status) {
        return registry.get("holdfast.capture.refunds.unfinished").tags("status", status).gauge().value();
    }

    private String insertCaptured(String prefix, Instant capturedAt) {
        String id = prefix + "-" + UUID.randomUUID();
        Authorization row = guardian.onAuthorized(new AuthorizedPayment(id, "ap-" + id, null, new Money(9000, "JPY"),
                CaptureMode.MANUAL, capturedAt.minus(Duration.ofDays(1)), capturedAt.plus(Duration.ofDays(6)),
                DeadlinePolicy.EXPIRE)).scheduledAt(capturedAt).requested(capturedAt, capturedAt)
                .captured(Authorization.captureRequestIdFor(id), "c-" + id, capturedAt);
        store.insert(row, schedule.dueAt(row)).block();
        return id;
    }

    private void insertRefund(String paymentRequestId, String status, Instant requestedAt) {
        boolean isFinal = status.equals("SUCCEEDED") || status.equals("FAILED");
        String refundRequestId = "ref-" + UUID.randomUUID();
        var spec = db.sql("insert into refund_attempt (refund_request_id, payment_request_id, payment_id, command_id, "
                        + "amount_minor, currency, status, requested_at, refunded_at, due_at, updated_at) values (:rrid, "
                        + ":prid, :pid, :cmd, 100, 'JPY', :status, :requestedAt, :refundedAt, :dueAt, :requestedAt)")
                .bind("rrid", refundRequestId).bind("prid", paymentRequestId).bind("pid", "ap-" + paymentRequestId)
                .bind("cmd", "cmd-" + refundRequestId).bind("status", status)
                .bind("requestedAt", requestedAt.atOffset(ZoneOffset.UTC));
        spec = status.equals("SUCCEEDED") ? spec.bind("refundedAt", requestedAt.atOffset(ZoneOffset.UTC))
                : spec.bindNull("refundedAt", OffsetDateTime.class);
        spec = isFinal ? spec.bindNull("dueAt", OffsetDateTime.class)
                : spec.bind("dueAt", CLOCK.instant().plus(Duration.ofDays(30)).atOffset(ZoneOffset.UTC));
        spec.fetch().rowsUpdated().block();
    }

    private double overdue(String policy) {
        return registry.get("holdfast.capture.overdue.authorizations").tags("policy", policy).gauge().value();
    }

    private double gauge(String name, String bucket, String policy) {
        return registry.get(name).tags("bucket", bucket, "currency", "JPY", "policy", policy).gauge().value();
    }

    private void insertWithDeadline(String prefix, Instant deadline) {
        insertWithDeadline(prefix, deadline, DeadlinePolicy.EXPIRE, "JPY");
    }

    private void insertWithDeadline(String prefix, Instant deadline, DeadlinePolicy policy, String currency) {
        String id = prefix + "-" + UUID.randomUUID();
        Authorization row = guardian.onAuthorized(new AuthorizedPayment(id, "ap-" + id, null, new Money(777, currency),
                CaptureMode.MANUAL, deadline.minus(Duration.ofDays(7)), deadline, policy));
        store.insert(row, schedule.dueAt(row)).block();
    }

    private void insertFailedWithDeadline(String prefix, Instant deadline) {
        String id = prefix + "-" + UUID.randomUUID();
        Instant attempt = deadline.minus(Duration.ofDays(1));
        Authorization row = guardian.onAuthorized(new AuthorizedPayment(id, "ap-" + id, null, new Money(777, "JPY"),
                CaptureMode.MANUAL, deadline.minus(Duration.ofDays(7)), deadline, DeadlinePolicy.EXPIRE))
                .scheduledAt(attempt).requested(attempt, attempt).failed(Authorization.captureRequestIdFor(id));
        store.insert(row, schedule.dueAt(row)).block();
    }

    private String insertDue(String prefix, String currency) {
        String id = prefix + "-" + UUID.randomUUID();
        // authorized 6 days and 13 hours ago: past deadline - 12h, before the deadline: the CAPTURE policy is due
        Instant authorizedAt = CLOCK.instant().minus(Duration.ofDays(6).plusHours(13));
        Authorization row = guardian.onAuthorized(new AuthorizedPayment(id, "ap-" + id, null,
                new Money(1000, currency), CaptureMode.MANUAL, authorizedAt, null, DeadlinePolicy.CAPTURE));
        store.insert(row.warned(Duration.ofHours(6)), CLOCK.instant().minusSeconds(1)).block();
        return id;
    }

    private DueWorkRunner runner(String owner) {
        return new DueWorkRunner(tx, store, transitions, guardian, outcomes, antom, CLOCK,
                new DueWorkRunner.Settings(owner, 5, Duration.ofMinutes(2), 3));
    }

    private static void drain(DueWorkRunner runner) {
        while (runner.runOnce().block() > 0) {
            // keep claiming until nothing is due
        }
    }

    private long outboxCount(String id, String type) {
        return db.sql("select count(*) as n from outbox where aggregate_id = :id and event_type = :type")
                .bind("id", id).bind("type", type).map(r -> r.get("n", Long.class)).one().block();
    }
}
