package io.holdfast.capture.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.holdfast.capture.application.ScheduleStore;
import io.holdfast.messaging.consumer.ConsumerRetryTracker;
import io.holdfast.messaging.testing.EmbeddedDatabase;
import io.holdfast.messaging.testing.MutableClock;
import io.holdfast.messaging.testing.TcpOutageProxy;
import io.holdfast.schemas.Topics;
import io.holdfast.schemas.command.CapturePayment;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.common.CaptureMode;
import io.holdfast.schemas.common.DeadlinePolicy;
import io.holdfast.schemas.common.Money;
import io.holdfast.schemas.event.CaptureSucceeded;
import io.holdfast.schemas.event.PaymentAuthorized;
import io.holdfast.schemas.event.PaymentEvent;
import io.holdfast.schemas.registry.EmbeddedSchemaRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 12, item 3: a 30 s PostgreSQL outage (every connection reset, new ones refused, as in a failover) while
 * PaymentAuthorized events and CapturePayment commands keep arriving. Before the shared error policy, capture-service
 * retried six times 500 ms apart and then dead-lettered the record: a PaymentAuthorized lost that way has no schedule,
 * no warnings, and its deadline lapses silently. Now every record is applied once the database is back, none is on a
 * dead-letter topic, and every capture is applied on Antom exactly once.
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "holdfast.capture.scheduler.poll-interval=200ms",
        "holdfast.capture.scheduler.metrics-interval=500ms",
        "holdfast.capture.outbox.poll-interval=100ms",
        "holdfast.capture.policy.auto-capture-grace=1h",
        "holdfast.messaging.consumer.retry.max-interval=2s",
        "spring.r2dbc.pool.max-acquire-time=2s",
        "holdfast.alipay.timeout=3s"})
@EmbeddedKafka(partitions = 2, topics = {Topics.PAYMENTS_COMMANDS, Topics.PAYMENTS_EVENTS,
        Topics.ALIPAY_NOTIFICATIONS, "payments.commands.DLT", "payments.events.DLT", "alipay.notifications.DLT"})
class DatabaseOutageIntegrationTests {

    static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    static final MutableClock CLOCK = new MutableClock(START);
    static final TestAntom ANTOM = new TestAntom(Clock.fixed(START, ZoneOffset.UTC));
    static final EmbeddedSchemaRegistry REGISTRY = startRegistry();
    static final TcpOutageProxy DATABASE = new TcpOutageProxy(EmbeddedDatabase.get().getPort());
    static final Duration OUTAGE = Duration.ofSeconds(30);

    @Autowired
    KafkaTemplate<String, SpecificRecord> kafka;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    ScheduleStore store;
    @Autowired
    ConsumerRetryTracker retries;

    static Recorder recorder;

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
        EmbeddedDatabase.register(registry, "capture_outage", DATABASE.port());
        registry.add("holdfast.schema-registry.url", REGISTRY::url);
        ANTOM.register(registry);
    }

    @AfterAll
    static void stop() {
        if (recorder != null) {
            recorder.close();
        }
        DATABASE.close();
    }

    @Test
    void aThirtySecondDatabaseOutageLosesNoAuthorizationNoCommandAndDeadLettersNothing() {
        recorder = new Recorder(broker.getBrokersAsString(), REGISTRY.url(), List.of(Topics.PAYMENTS_EVENTS,
                Topics.deadLetter(Topics.PAYMENTS_EVENTS), Topics.deadLetter(Topics.PAYMENTS_COMMANDS),
                Topics.deadLetter(Topics.ALIPAY_NOTIFICATIONS)));
        List<TestAntom.Authorized> before = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            TestAntom.Authorized auth = pay("before-" + i);
            authorized(auth);
            before.add(auth);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> before.stream()
                .allMatch(a -> store.find(a.paymentRequestId()).blockOptional().isPresent()));

        DATABASE.cut();
        List<TestAntom.Authorized> during = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            TestAntom.Authorized auth = pay("during-" + i);
            authorized(auth);
            during.add(auth);
        }
        before.forEach(this::capture);
        // the outage lasts 30 s, far past the old budget of 6 × 500 ms: all along, records wait in retry and none
        // is dead-lettered
        await().atMost(Duration.ofSeconds(10)).until(() -> retries.longestRetry().toMillis() > 0);
        await().during(OUTAGE).atMost(OUTAGE.plusSeconds(10)).until(() -> recorder.deadLetters().isEmpty());
        assertThat(retries.longestRetry()).isGreaterThan(OUTAGE.minusSeconds(5));
        DATABASE.restore();

        await().atMost(Duration.ofSeconds(60)).until(() -> during.stream()
                .allMatch(a -> store.find(a.paymentRequestId()).blockOptional().isPresent()));
        await().atMost(Duration.ofSeconds(60)).until(() -> before.stream()
                .allMatch(a -> recorder.events(a.paymentRequestId(), CaptureSucceeded.class).size() == 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> retries.longestRetry().isZero());
        for (TestAntom.Authorized auth : before) {
            assertThat(ANTOM.appliedCaptures(auth.paymentId())).as(auth.paymentRequestId()).hasSize(1);
        }
        assertThat(recorder.deadLetters()).isEmpty();
    }

    private static TestAntom.Authorized pay(String prefix) {
        return ANTOM.pay(prefix + "-" + UUID.randomUUID(), 1200, CaptureMode.MANUAL.name(), false);
    }

    /** authorization-service's PaymentAuthorized for a payment authorized on the sandbox. */
    private void authorized(TestAntom.Authorized auth) {
        String id = auth.paymentRequestId();
        PaymentAuthorized payload = new PaymentAuthorized(auth.paymentId(), money(auth.valueMinor()),
                CaptureMode.MANUAL, auth.paymentTime(), auth.authExpiryTime(), DeadlinePolicy.EXPIRE, null);
        kafka.send(Topics.PAYMENTS_EVENTS, id, new PaymentEvent(UUID.randomUUID().toString(), id, auth.paymentId(),
                null, CLOCK.instant(), "cmd-" + id, payload)).join();
    }

    private void capture(TestAntom.Authorized auth) {
        PaymentCommand command = new PaymentCommand("cmd-" + UUID.randomUUID(), auth.paymentRequestId(), null,
                CLOCK.instant(), new CapturePayment(money(auth.valueMinor()), null), null);
        kafka.send(Topics.PAYMENTS_COMMANDS, auth.paymentRequestId(), command).join();
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
