package io.holdfast.capture.it;

import static org.awaitility.Awaitility.await;

import io.holdfast.capture.application.ScheduleStore;
import io.holdfast.capture.domain.Authorization;
import io.holdfast.messaging.testing.EmbeddedDatabase;
import io.holdfast.messaging.testing.MutableClock;
import io.holdfast.schemas.Topics;
import io.holdfast.schemas.command.CapturePayment;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.common.CaptureMode;
import io.holdfast.schemas.common.DeadlinePolicy;
import io.holdfast.schemas.common.Money;
import io.holdfast.schemas.event.CommandRejected;
import io.holdfast.schemas.event.PaymentAuthorized;
import io.holdfast.schemas.event.PaymentEvent;
import io.holdfast.schemas.notification.AlipayNotification;
import io.holdfast.schemas.notification.CaptureResultNotification;
import io.holdfast.schemas.notification.RefundResultNotification;
import io.holdfast.schemas.registry.EmbeddedSchemaRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;

/**
 * The fixture of the {@link CaptureServiceIntegrationTest} classes: stimulate the service through Kafka as
 * authorization-service, merchants and the edge would, move time, then wait for its rows and events ("stimulate,
 * await, verify"). What they share is started once per test JVM: the test clock, the Antom sandbox whose clock moves
 * with it ({@link #advance}) and the schema registry; each context gets a {@link Recorder} of its broker's topics and
 * one Scenario (a bean: {@code @Autowired Scenario scenario}).
 */
final class Scenario {

    static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    static final MutableClock CLOCK = new MutableClock(START);
    static final TestAntom ANTOM = new TestAntom(Clock.fixed(START, ZoneOffset.UTC));
    static final EmbeddedSchemaRegistry REGISTRY = startRegistry();
    static final Duration WAIT = Duration.ofSeconds(20);
    /** The context's database (created on first use); default {@code capture_it}, the shared context's. */
    static final String DATABASE_PROPERTY = "holdfast.it.database";

    private final KafkaTemplate<String, SpecificRecord> kafka;
    private final ScheduleStore store;
    private final DatabaseClient db;
    private final Recorder recorder;

    Scenario(KafkaTemplate<String, SpecificRecord> kafka, ScheduleStore store, DatabaseClient db, Recorder recorder) {
        this.kafka = kafka;
        this.store = store;
        this.db = db;
        this.recorder = recorder;
    }

    /** What the service published (and the commands it and the tests sent), for assertions. */
    Recorder recorder() {
        return recorder;
    }

    /**
     * A payment authorized on the sandbox ({@code prefix-<uuid>}, USD) and authorization-service's PaymentAuthorized
     * for it, without merchantId; returns once the schedule row is open.
     */
    TestAntom.Authorized authorize(String prefix, long value, CaptureMode mode, DeadlinePolicy policy,
            boolean notify) {
        TestAntom.Authorized auth = ANTOM.pay(prefix + "-" + UUID.randomUUID(), value, mode.name(), notify);
        authorized(auth, null, mode, policy);
        awaitRow(auth.paymentRequestId());
        return auth;
    }

    /** The same for {@code merchantId}'s MANUAL payment (no notifications). */
    TestAntom.Authorized authorize(String merchantId, String prefix, long value, DeadlinePolicy policy) {
        TestAntom.Authorized auth = ANTOM.pay(prefix + "-" + UUID.randomUUID(), value, CaptureMode.MANUAL.name(),
                false);
        authorized(auth, merchantId, CaptureMode.MANUAL, policy);
        awaitRow(auth.paymentRequestId());
        return auth;
    }

    /** authorization-service's PaymentAuthorized for a payment authorized on the sandbox (does not wait). */
    void authorized(TestAntom.Authorized auth, String merchantId, CaptureMode mode, DeadlinePolicy policy) {
        publish(auth.paymentRequestId(), auth.paymentId(), merchantId, "cmd-" + auth.paymentRequestId(),
                new PaymentAuthorized(auth.paymentId(), money(auth.valueMinor()), mode, auth.paymentTime(),
                        auth.authExpiryTime(), policy, null));
    }

    /** An event on payments.events, as authorization-service publishes it. */
    void publish(String paymentRequestId, String paymentId, String merchantId, String causationId, Object payload) {
        kafka.send(Topics.PAYMENTS_EVENTS, paymentRequestId, new PaymentEvent(UUID.randomUUID().toString(),
                paymentRequestId, paymentId, merchantId, CLOCK.instant(), causationId, payload)).join();
    }

    /** A new command (fresh commandId, issued now, no operator) on payments.commands. */
    PaymentCommand command(String paymentRequestId, String merchantId, Object payload) {
        return send(new PaymentCommand("cmd-" + UUID.randomUUID(), paymentRequestId, merchantId, CLOCK.instant(),
                payload, null));
    }

    /** A new command about a sandbox payment, without merchantId. */
    PaymentCommand command(TestAntom.Authorized auth, Object payload) {
        return command(auth.paymentRequestId(), null, payload);
    }

    /** A CapturePayment of the whole authorized amount, now. */
    PaymentCommand capture(TestAntom.Authorized auth, String merchantId) {
        return command(auth.paymentRequestId(), merchantId, new CapturePayment(money(auth.valueMinor()), null));
    }

    PaymentCommand send(PaymentCommand command) {
        kafka.send(Topics.PAYMENTS_COMMANDS, command.getPaymentRequestId(), command).join();
        return command;
    }

    /** A verified notification as the edge stores it on alipay.notifications. */
    void notification(String key, AlipayNotification notification) {
        kafka.send(Topics.ALIPAY_NOTIFICATIONS, key, notification).join();
    }

    /** Moves the service's clock and the sandbox's together. */
    static void advance(Duration by) {
        CLOCK.advance(by);
        ANTOM.sandbox.control().advanceClock(by);
    }

    void awaitRow(String paymentRequestId) {
        await().atMost(WAIT).until(() -> store.find(paymentRequestId).blockOptional().isPresent());
    }

    Authorization row(String paymentRequestId) {
        return store.find(paymentRequestId).block();
    }

    /** The {@code count}-th event of this payload type about the payment, once published. */
    <T> T awaitOne(String paymentRequestId, Class<T> type, int count) {
        await().atMost(WAIT).until(() -> recorder.events(paymentRequestId, type).size() >= count);
        return recorder.events(paymentRequestId, type).get(count - 1);
    }

    /** The envelope of the first event of this payload type about the payment, once published. */
    PaymentEvent awaitEnvelope(String paymentRequestId, Class<?> type) {
        return await().atMost(WAIT).until(() -> recorder.envelopes(paymentRequestId, type), list -> !list.isEmpty())
                .get(0);
    }

    /** The envelope of the first CommandRejected about the payment. */
    PaymentEvent awaitRejection(String paymentRequestId) {
        return awaitEnvelope(paymentRequestId, CommandRejected.class);
    }

    /** The first CommandRejected about the payment, once published. */
    CommandRejected awaitRejected(String paymentRequestId) {
        return (CommandRejected) awaitRejection(paymentRequestId).getPayload();
    }

    /** Waits until a command about the payment is on payments.commands.DLT. */
    void awaitDeadLetter(String paymentRequestId) {
        await().atMost(WAIT).until(() -> !recorder.deadLetterCommands(paymentRequestId).isEmpty());
    }

    /** Commands parked for the payment (they came before its PaymentAuthorized). */
    long parkedCommands(String paymentRequestId) {
        return db.sql("select count(*) as n from parked_capture_command where payment_request_id = :id")
                .bind("id", paymentRequestId).map(r -> r.get("n", Long.class)).one().block();
    }

    /** The edge's record of a notifyCapture the sandbox sent to the webhook. */
    static AlipayNotification captureNotification(TestAntom.Received n) {
        JsonNode json = n.json();
        JsonNode result = json.path("result");
        return edgeRecord(n, new CaptureResultNotification(result.path("resultStatus").asString(),
                result.path("resultCode").asString(), result.path("resultMessage").asString(null),
                json.path("captureRequestId").asString(), json.path("paymentId").asString(),
                json.path("captureId").asString(), amount(json.path("captureAmount")), time(json.path("captureTime")),
                null));
    }

    /** The edge's record of a notifyRefund the sandbox sent to the webhook. */
    static AlipayNotification refundNotification(TestAntom.Received n) {
        JsonNode json = n.json();
        JsonNode result = json.path("result");
        return edgeRecord(n, new RefundResultNotification(result.path("resultStatus").asString(),
                result.path("resultCode").asString(), result.path("resultMessage").asString(null),
                json.path("refundStatus").asString(), json.path("refundRequestId").asString(),
                json.path("refundId").asString(), amount(json.path("refundAmount")), time(json.path("refundTime")),
                null));
    }

    /** As the edge stores a verified notification: its id is the SHA-256 of the signed body. */
    private static AlipayNotification edgeRecord(TestAntom.Received n, Object payload) {
        return new AlipayNotification(sha256(n.body()), CLOCK.instant(), TestAntom.CLIENT_ID, n.requestTime(),
                payload);
    }

    private static Money amount(JsonNode amount) {
        return new Money(Long.parseLong(amount.path("value").asString()), amount.path("currency").asString());
    }

    private static Instant time(JsonNode time) {
        String value = time.asString(null);
        return value == null ? null : OffsetDateTime.parse(value).toInstant();
    }

    static Money money(long value) {
        return new Money(value, "USD");
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static EmbeddedSchemaRegistry startRegistry() {
        try {
            return EmbeddedSchemaRegistry.startOnFreePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points the service at the shared infrastructure: its database, the registry and the sandbox. */
    static final class Infrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            String database = context.getEnvironment().getProperty(DATABASE_PROPERTY, "capture_it");
            TestPropertyValues.of(EmbeddedDatabase.properties(database))
                    .and("holdfast.schema-registry.url=" + REGISTRY.url())
                    .and(ANTOM.properties())
                    .applyTo(context);
        }
    }

    /** The test clock, and per context the recorder and the scenario. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Beans {

        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }

        @Bean
        Recorder recorder(@Value("${spring.embedded.kafka.brokers}") String brokers) {
            return new Recorder(brokers, REGISTRY.url(), List.of(Topics.PAYMENTS_EVENTS, Topics.PAYMENTS_COMMANDS,
                    Topics.deadLetter(Topics.PAYMENTS_COMMANDS)));
        }

        @Bean
        Scenario scenario(KafkaTemplate<String, SpecificRecord> kafka, ScheduleStore store, DatabaseClient db,
                Recorder recorder) {
            return new Scenario(kafka, store, db, recorder);
        }
    }
}
