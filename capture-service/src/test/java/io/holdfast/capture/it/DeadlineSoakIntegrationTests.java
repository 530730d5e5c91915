package io.holdfast.capture.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.holdfast.alipay.sandbox.core.Api;
import io.holdfast.alipay.sandbox.fault.FaultKind;
import io.holdfast.alipay.sandbox.fault.FaultSpec;
import io.holdfast.capture.application.CaptureGateway;
import io.holdfast.capture.application.DueWorkRunner;
import io.holdfast.capture.application.ScheduleStore;
import io.holdfast.capture.application.Transactions;
import io.holdfast.capture.application.Transitions;
import io.holdfast.capture.config.ExposureMetrics;
import io.holdfast.capture.domain.CaptureOutcomes;
import io.holdfast.capture.domain.CaptureStatus;
import io.holdfast.capture.domain.Guardian;
import io.holdfast.messaging.testing.EmbeddedDatabase;
import io.holdfast.messaging.testing.MutableClock;
import io.holdfast.schemas.Topics;
import io.holdfast.schemas.command.CancelPayment;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.common.CaptureMode;
import io.holdfast.schemas.common.DeadlinePolicy;
import io.holdfast.schemas.common.Money;
import io.holdfast.schemas.event.AuthorizationCancelled;
import io.holdfast.schemas.event.AuthorizationExpired;
import io.holdfast.schemas.event.CancelInitiator;
import io.holdfast.schemas.event.CaptureDeadlineApproaching;
import io.holdfast.schemas.event.CaptureSucceeded;
import io.holdfast.schemas.event.CommandRejected;
import io.holdfast.schemas.event.PaymentAuthorized;
import io.holdfast.schemas.event.PaymentEvent;
import io.holdfast.schemas.registry.EmbeddedSchemaRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * RELIABILITY.md scenario 14 (deadline time travel): N MANUAL authorizations (system property
 * {@code holdfast.soak.payments}, default 30) across the three policies, authorized at four different times, with
 * capture faults injected on the sandbox (U applied, U not applied, applied-then-timeout). Both clocks move forward
 * a day at a time while only warnings can fall due, and 4 h at a time around the policy points (a jump over
 * deadline - 12 h .. deadline would make a miss inevitable for any scheduler), each jump followed by 10-minute
 * ticks while a capture is unconfirmed, so that the inquiry cadence can act.
 *
 * <p>"Restart": after every simulated day the whole context is stopped and started again right after the jump,
 * while the passes are running. {@code stop()} ends every lifecycle component of the process (the due-work, outbox
 * relay, purge and gauge loops, interrupting a pass mid-flight, and the Kafka listener containers, which leave the
 * group); {@code start()} brings them back like a new process would, with only the database and Kafka as memory.
 * Beans themselves survive, but they hold no state between passes. A second claimer ({@code replica-b}, built from
 * the same parts, on the same database) drains concurrently after every jump, so each due job is raced by two
 * replicas. authorization-service is not running: its part for VOID (the cancel) is played by answering each
 * {@code CancelPayment} seen on payments.commands with {@code AuthorizationCancelled}.
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "holdfast.capture.scheduler.poll-interval=100ms",
        "holdfast.capture.scheduler.metrics-interval=500ms",
        "holdfast.capture.scheduler.owner=replica-a",
        "holdfast.capture.outbox.poll-interval=50ms",
        "holdfast.alipay.timeout=2s"})
@EmbeddedKafka(partitions = 1, topics = {Topics.PAYMENTS_COMMANDS, Topics.PAYMENTS_EVENTS,
        Topics.ALIPAY_NOTIFICATIONS, "payments.commands.DLT", "payments.events.DLT", "alipay.notifications.DLT"})
class DeadlineSoakIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(DeadlineSoakIntegrationTests.class);
    static final Instant START = Instant.parse("2026-09-07T06:00:00Z");
    static final MutableClock CLOCK = new MutableClock(START);
    static final TestAntom ANTOM = new TestAntom(Clock.fixed(START, ZoneOffset.UTC));
    static final EmbeddedSchemaRegistry REGISTRY = startRegistry();
    static final int PAYMENTS = Integer.getInteger("holdfast.soak.payments", 30);
    static final Duration WAIT = Duration.ofSeconds(30);
    static final Duration[] WAVES = {Duration.ZERO, Duration.ofHours(7), Duration.ofHours(19), Duration.ofHours(31)};
    static final DeadlinePolicy[] POLICIES = {DeadlinePolicy.CAPTURE, DeadlinePolicy.VOID, DeadlinePolicy.EXPIRE};
    static final Duration TICK = Duration.ofMinutes(10).plusSeconds(1);
    static final Duration SAFETY_MARGIN = Duration.ofHours(12);

    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    KafkaTemplate<String, org.apache.avro.specific.SpecificRecord> kafka;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    ScheduleStore store;
    @Autowired
    DatabaseClient db;
    @Autowired
    ExposureMetrics metrics;
    @Autowired
    MeterRegistry registry;
    @Autowired
    Transactions tx;
    @Autowired
    Transitions transitions;
    @Autowired
    Guardian guardian;
    @Autowired
    CaptureOutcomes outcomes;
    @Autowired
    CaptureGateway antom;

    static Recorder recorder;
    private final Set<String> answeredCancels = ConcurrentHashMap.newKeySet();
    private final List<Soaked> payments = new ArrayList<>();
    private int restarts;
    private int jumps;
    private int ticks;

    /** One authorization of the soak and its policy. */
    record Soaked(TestAntom.Authorized auth, DeadlinePolicy policy, Instant deadline) {
        Instant policyPoint() {
            return deadline.minus(SAFETY_MARGIN);
        }
    }

    @TestConfiguration
    static class TestClock {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        EmbeddedDatabase.register(registry, "capture_soak");
        registry.add("holdfast.schema-registry.url", REGISTRY::url);
        ANTOM.register(registry);
    }

    @AfterAll
    static void stop() {
        if (recorder != null) {
            recorder.close();
        }
    }

    @Test
    void noDeadlineIsMissedNothingIsCapturedTwiceAndEveryWarningGoesOutOnce() {
        recorder = new Recorder(broker.getBrokersAsString(), REGISTRY.url(),
                List.of(Topics.PAYMENTS_EVENTS, Topics.PAYMENTS_COMMANDS));
        int faults = Math.max(1, PAYMENTS / 10);
        ANTOM.sandbox.control().injectFault(FaultSpec.next(Api.CAPTURE, FaultKind.UNKNOWN_EXCEPTION, faults)
                .applied(true));
        ANTOM.sandbox.control().injectFault(FaultSpec.next(Api.CAPTURE, FaultKind.UNKNOWN_EXCEPTION, faults)
                .applied(false));
        ANTOM.sandbox.control().injectFault(FaultSpec.next(Api.CAPTURE, FaultKind.APPLY_THEN_TIMEOUT, faults)
                .withLatency(Duration.ofSeconds(4)));
        authorizeInWaves();
        Instant end = payments.stream().map(Soaked::deadline).max(Instant::compareTo).orElseThrow()
                .plus(Duration.ofHours(1));
        DueWorkRunner replicaB = new DueWorkRunner(tx, store, transitions, guardian, outcomes, antom, CLOCK,
                new DueWorkRunner.Settings("replica-b", 10, Duration.ofMinutes(2), 4));
        Instant lastRestart = CLOCK.instant();
        while (CLOCK.instant().isBefore(end)) {
            advance(nextJump());
            jumps++;
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> drain(replicaB));
            if (!CLOCK.instant().isBefore(lastRestart.plus(Duration.ofDays(1)))) {
                restart();
                lastRestart = CLOCK.instant();
            }
            second.join();
            settle();
        }
        assertThreeWayCheck(faults);
    }

    /**
     * A day at a time, except within a day of a policy point (T-12h) or of the last warning (T-6h): 4 h (plus at
     * most 7 ticks, under 6 h in all), so that the policy acts before T-6h and the T-6h warning is not jumped over
     * together with the deadline (at the deadline the lapse is reported, not a warning about it).
     */
    private Duration nextJump() {
        Instant now = CLOCK.instant();
        Instant day = now.plus(Duration.ofDays(1));
        boolean closeToDeadline = payments.stream()
                .flatMap(p -> Stream.of(p.policyPoint(), p.deadline().minus(Duration.ofHours(6))))
                .anyMatch(p -> p.isAfter(now) && !p.isAfter(day));
        return closeToDeadline ? Duration.ofHours(4) : Duration.ofDays(1);
    }

    private void authorizeInWaves() {
        Duration at = Duration.ZERO;
        for (int wave = 0; wave < WAVES.length; wave++) {
            advance(WAVES[wave].minus(at));
            at = WAVES[wave];
            for (int i = wave; i < PAYMENTS; i += WAVES.length) {
                DeadlinePolicy policy = POLICIES[i % POLICIES.length];
                String id = "soak-" + policy.name().toLowerCase() + "-" + i + "-" + UUID.randomUUID();
                TestAntom.Authorized auth = ANTOM.pay(id, 1000L + i, CaptureMode.MANUAL.name(), false);
                Instant deadline = auth.authExpiryTime() != null ? auth.authExpiryTime()
                        : auth.paymentTime().plus(Duration.ofDays(7));
                payments.add(new Soaked(auth, policy, deadline));
                PaymentAuthorized payload = new PaymentAuthorized(auth.paymentId(), money(auth.valueMinor()),
                        CaptureMode.MANUAL, auth.paymentTime(), auth.authExpiryTime(), policy, null);
                kafka.send(Topics.PAYMENTS_EVENTS, id, new PaymentEvent(UUID.randomUUID().toString(), id,
                        auth.paymentId(), null, CLOCK.instant(), "cmd-" + id, payload)).join();
            }
        }
        await().atMost(WAIT).until(() -> count("select count(*) as n from capture_schedule") == PAYMENTS);
    }

    /** Stops every lifecycle component of the service (mid-pass) and starts them again, like a process restart. */
    private void restart() {
        context.stop();
        context.start();
        restarts++;
    }

    /**
     * Waits until the service is idle at this instant (nothing due, outbox relayed, every cancel answered and
     * applied); while a capture is unconfirmed or a claim was cut short by the restart, moves both clocks 10 min so
     * that the inquiry (or the lease's end) can act.
     */
    private void settle() {
        for (int round = 0; ; round++) {
            try {
                await().atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(50)).until(() -> idle(true));
            } catch (ConditionTimeoutException inFlightOrCut) {
                await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> idle(false));
            }
            if (count("select count(*) as n from capture_schedule where lease_owner is not null or status in ("
                    + "'CAPTURE_REQUESTED', 'CAPTURE_UNKNOWN', 'CAPTURE_PENDING')") == 0) {
                return;
            }
            assertThat(round).as("ticks needed to settle").isLessThan(8);
            advance(TICK);
            ticks++;
        }
    }

    private boolean idle(boolean noCallInFlight) {
        answerCancels();
        Instant now = CLOCK.instant();
        long due = db.sql("select count(*) as n from capture_schedule where due_at <= :now")
                .bind("now", now.atOffset(ZoneOffset.UTC)).map(r -> r.get("n", Long.class)).one().block();
        return due == 0 && count("select count(*) as n from outbox where completion_date is null") == 0
                && count("select count(*) as n from capture_schedule where status = 'VOID_REQUESTED'") == 0
                && (!noCallInFlight || count("select count(*) as n from capture_schedule "
                        + "where status = 'CAPTURE_REQUESTED'") == 0);
    }

    /** authorization-service's part: each CancelPayment seen is performed and reported once. */
    private void answerCancels() {
        for (Soaked p : payments) {
            String id = p.auth().paymentRequestId();
            for (PaymentCommand cancel : recorder.commands(id, CancelPayment.class)) {
                if (answeredCancels.add(cancel.getCommandId())) {
                    kafka.send(Topics.PAYMENTS_EVENTS, id, new PaymentEvent(UUID.randomUUID().toString(), id,
                            p.auth().paymentId(), null, CLOCK.instant(), cancel.getCommandId(),
                            new AuthorizationCancelled(CLOCK.instant(), CancelInitiator.DEADLINE_GUARDIAN, null)))
                            .join();
                }
            }
        }
    }

    private void assertThreeWayCheck(int faults) {
        List<Soaked> captures = byPolicy(DeadlinePolicy.CAPTURE);
        List<Soaked> voids = byPolicy(DeadlinePolicy.VOID);
        List<Soaked> expires = byPolicy(DeadlinePolicy.EXPIRE);
        // everything the service published has reached the recorder
        try {
            await().atMost(WAIT).until(() -> captures.stream().allMatch(p -> !events(p, CaptureSucceeded.class)
                    .isEmpty()) && expires.stream().allMatch(p -> !events(p, AuthorizationExpired.class).isEmpty())
                    && payments.stream().allMatch(p -> warnings(p).size() == expectedWarnings(p).size()));
        } catch (ConditionTimeoutException e) {
            payments.forEach(p -> log.error("soak payment {} {}: status={} warnings={} captures on ledger={} "
                    + "succeeded={} expired={}", p.auth().paymentRequestId(), p.policy(),
                    store.find(p.auth().paymentRequestId()).block().status(), warnings(p),
                    ANTOM.appliedCaptures(p.auth().paymentId()).size(), events(p, CaptureSucceeded.class).size(),
                    events(p, AuthorizationExpired.class).size()));
            throw e;
        }
        metrics.refresh();
        double missesGauge = registry.get("holdfast.capture.deadline.misses").gauge().value();
        long missedRows = count("select count(*) as n from capture_schedule where deadline_missed");
        long lapsedAgainstPolicy = payments.stream().filter(p -> p.policy() != DeadlinePolicy.EXPIRE)
                .filter(p -> !events(p, AuthorizationExpired.class).isEmpty()).count();
        long doubleCaptures = payments.stream().filter(p -> ANTOM.appliedCaptures(p.auth().paymentId()).size() > 1)
                .count();
        long capturedOnce = captures.stream().filter(p -> ANTOM.appliedCaptures(p.auth().paymentId()).size() == 1)
                .count();
        long warningsSent = payments.stream().mapToLong(p -> recorder.events(p.auth().paymentRequestId(),
                CaptureDeadlineApproaching.class).size()).sum();
        long warningsDistinct = payments.stream().mapToLong(p -> warnings(p).size()).sum();
        long faultsLeft = ANTOM.sandbox.control().faults().stream().mapToLong(f -> f.remaining() == null ? 0
                : f.remaining()).sum();
        log.info("deadline soak: [payments={} (capture={}, void={}, expire={}), jumps={}, 10-min ticks={}, restarts={}, "
                        + "capture faults injected={} used={}, missed deadlines={} (gauge={}, lapsed CAPTURE/VOID={}), "
                        + "double captures on the ledger={}, CAPTURE payments captured exactly once={}/{}, "
                        + "warnings={} distinct (delivered {}), AuthorizationExpired for EXPIRE={}/{}]",
                PAYMENTS, captures.size(), voids.size(), expires.size(), jumps, ticks, restarts, 3 * faults,
                3 * faults - faultsLeft, missedRows, missesGauge, lapsedAgainstPolicy, doubleCaptures, capturedOnce,
                captures.size(), warningsDistinct, warningsSent,
                expires.stream().filter(p -> events(p, AuthorizationExpired.class).size() == 1).count(), expires.size());

        assertThat(missesGauge).isZero();
        assertThat(missedRows).isZero();
        assertThat(lapsedAgainstPolicy).isZero();
        assertThat(doubleCaptures).isZero();
        assertThat(capturedOnce).isEqualTo(captures.size());
        for (Soaked p : payments) {
            String id = p.auth().paymentRequestId();
            assertThat(warnings(p)).as("warnings of %s", id).containsExactlyElementsOf(expectedWarnings(p));
            assertThat(events(p, CommandRejected.class)).as("rejections of %s", id).isEmpty();
        }
        for (Soaked p : captures) {
            assertThat(events(p, CaptureSucceeded.class)).hasSize(1);
            assertThat(store.find(p.auth().paymentRequestId()).block().status()).isEqualTo(CaptureStatus.CAPTURED);
        }
        for (Soaked p : voids) {
            assertThat(recorder.commands(p.auth().paymentRequestId(), CancelPayment.class))
                    .extracting(PaymentCommand::getCommandId).containsOnly("void-" + p.auth().paymentRequestId());
            assertThat(store.find(p.auth().paymentRequestId()).block().status()).isEqualTo(CaptureStatus.VOIDED);
            assertThat(ANTOM.appliedCaptures(p.auth().paymentId())).isEmpty();
        }
        for (Soaked p : expires) {
            assertThat(events(p, AuthorizationExpired.class)).hasSize(1);
            assertThat(store.find(p.auth().paymentRequestId()).block().status()).isEqualTo(CaptureStatus.EXPIRED);
            assertThat(ANTOM.appliedCaptures(p.auth().paymentId())).isEmpty();
        }
    }

    /**
     * T-48h and T-24h for all; T-6h only for EXPIRE: CAPTURE and VOID act at T-12h, and the jumps (under 6 h around
     * policy points) make them act before T-6h.
     */
    private static List<Duration> expectedWarnings(Soaked p) {
        return p.policy() == DeadlinePolicy.EXPIRE
                ? List.of(Duration.ofHours(48), Duration.ofHours(24), Duration.ofHours(6))
                : List.of(Duration.ofHours(48), Duration.ofHours(24));
    }

    /** Distinct warnings (a redelivered record after a restart is the same event; merchants dedupe on eventId). */
    private static List<Duration> warnings(Soaked p) {
        return recorder.events(p.auth().paymentRequestId(), CaptureDeadlineApproaching.class).stream().distinct()
                .map(w -> Duration.ofMillis(w.getOffsetMillis())).toList();
    }

    /** Distinct events of a type about a payment. */
    private static <T> List<T> events(Soaked p, Class<T> type) {
        return recorder.events(p.auth().paymentRequestId(), type).stream().distinct().toList();
    }

    private List<Soaked> byPolicy(DeadlinePolicy policy) {
        return payments.stream().filter(p -> p.policy() == policy).toList();
    }

    private long count(String sql) {
        return db.sql(sql).map(r -> r.get("n", Long.class)).one().block();
    }

    private static void drain(DueWorkRunner runner) {
        while (runner.runOnce().block(Duration.ofMinutes(1)) > 0) {
            // claim until nothing is due for this replica
        }
    }

    private static void advance(Duration by) {
        CLOCK.advance(by);
        ANTOM.sandbox.control().advanceClock(by);
    }

    private static Money money(long value) {
        return new Money(value, "USD");
    }

    private static EmbeddedSchemaRegistry startRegistry() {
        try {
            return EmbeddedSchemaRegistry.startOnFreePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
