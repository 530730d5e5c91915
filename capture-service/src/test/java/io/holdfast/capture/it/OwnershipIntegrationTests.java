package io.holdfast.capture.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.holdfast.capture.application.ScheduleStore;
import io.holdfast.capture.domain.CaptureStatus;
import io.holdfast.schemas.Topics;
import io.holdfast.schemas.command.CancelPayment;
import io.holdfast.schemas.command.CapturePayment;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.common.CaptureMode;
import io.holdfast.schemas.common.DeadlinePolicy;
import io.holdfast.schemas.common.Money;
import io.holdfast.schemas.event.CaptureSucceeded;
import io.holdfast.schemas.event.CommandRejected;
import io.holdfast.schemas.event.PaymentAuthorized;
import io.holdfast.schemas.event.PaymentEvent;
import io.holdfast.schemas.event.RejectionReason;
import io.holdfast.schemas.registry.EmbeddedSchemaRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A merchant with write access to payments.commands cannot capture another merchant's authorization: the
 * CapturePayment's merchantId must be the one PaymentAuthorized carried (null only matches null).
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "holdfast.capture.scheduler.poll-interval=200ms",
        "holdfast.capture.outbox.poll-interval=100ms",
        "holdfast.alipay.timeout=3s"})
@EmbeddedKafka(partitions = 1, topics = {Topics.PAYMENTS_COMMANDS, Topics.PAYMENTS_EVENTS,
        Topics.ALIPAY_NOTIFICATIONS, "payments.commands.DLT", "payments.events.DLT", "alipay.notifications.DLT"})
class OwnershipIntegrationTests {

    static final Instant START = Instant.parse("2026-04-06T08:00:00Z");
    static final MutableClock CLOCK = new MutableClock(START);
    static final TestAntom ANTOM = new TestAntom(Clock.fixed(START, ZoneOffset.UTC));
    static final EmbeddedSchemaRegistry REGISTRY = startRegistry();
    static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    KafkaTemplate<String, SpecificRecord> kafka;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    ScheduleStore store;
    @Autowired
    DatabaseClient db;

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
        EmbeddedDatabase.register(registry, "capture_ownership");
        registry.add("holdfast.schema-registry.url", REGISTRY::url);
        ANTOM.register(registry);
    }

    @BeforeEach
    void recorder() {
        if (recorder == null) {
            recorder = new Recorder(broker.getBrokersAsString(), REGISTRY.url(),
                    List.of(Topics.PAYMENTS_EVENTS, Topics.PAYMENTS_COMMANDS,
                            Topics.deadLetter(Topics.PAYMENTS_COMMANDS)));
        }
    }

    @AfterAll
    static void stop() {
        if (recorder != null) {
            recorder.close();
        }
    }

    @Test
    void aCaptureFromAnotherMerchantIsRejectedAndTheOwnersCaptureSucceeds() {
        TestAntom.Authorized auth = authorize("owned", 3100, "acme", DeadlinePolicy.EXPIRE);

        PaymentCommand foreign = capture(auth, "globex");

        PaymentEvent event = awaitRejection(auth);
        assertThat(event.getMerchantId()).as("addressed to the sender").isEqualTo("globex");
        assertThat(event.getPaymentId()).as("nothing of the owner's payment is revealed").isNull();
        CommandRejected rejected = (CommandRejected) event.getPayload();
        assertThat(rejected.getReason()).isEqualTo(RejectionReason.NOT_PAYMENT_OWNER);
        assertThat(rejected.getCommandId()).isEqualTo(foreign.getCommandId());
        await().atMost(WAIT).until(() -> !recorder.deadLetterCommands(auth.paymentRequestId()).isEmpty());
        assertThat(store.find(auth.paymentRequestId()).block().status()).isEqualTo(CaptureStatus.AUTHORIZED);
        assertThat(ANTOM.appliedCaptures(auth.paymentId())).isEmpty();

        capture(auth, "acme");
        await().atMost(WAIT).until(() -> !recorder.events(auth.paymentRequestId(), CaptureSucceeded.class).isEmpty());
        assertThat(ANTOM.appliedCaptures(auth.paymentId())).hasSize(1);
    }

    @Test
    void aCaptureWithoutMerchantIdIsRejectedForAPaymentThatHasOne() {
        TestAntom.Authorized auth = authorize("anonymous", 3200, "acme", DeadlinePolicy.EXPIRE);

        capture(auth, null);

        assertThat(((CommandRejected) awaitRejection(auth).getPayload()).getReason())
                .isEqualTo(RejectionReason.NOT_PAYMENT_OWNER);
        assertThat(ANTOM.appliedCaptures(auth.paymentId())).isEmpty();
    }

    @Test
    void aCaptureWithMerchantIdIsRejectedForAPaymentWithoutOne() {
        TestAntom.Authorized auth = authorize("single", 3300, null, DeadlinePolicy.EXPIRE);

        capture(auth, "acme");

        assertThat(((CommandRejected) awaitRejection(auth).getPayload()).getReason())
                .isEqualTo(RejectionReason.NOT_PAYMENT_OWNER);
        assertThat(ANTOM.appliedCaptures(auth.paymentId())).isEmpty();
    }

    @Test
    void aParkedCaptureFromAnotherMerchantIsRejectedWhenTheAuthorizationArrives() {
        String id = "parked-" + UUID.randomUUID();
        TestAntom.Authorized auth = ANTOM.pay(id, 3500, CaptureMode.MANUAL.name(), false);
        PaymentCommand foreign = capture(auth, "globex");
        await().atMost(WAIT).until(() -> db.sql("select count(*) as n from parked_capture_command "
                + "where payment_request_id = :id").bind("id", id).map(r -> r.get("n", Long.class)).one().block() == 1);

        publishAuthorized(auth, "acme", DeadlinePolicy.EXPIRE);

        PaymentEvent event = awaitRejection(auth);
        assertThat(event.getMerchantId()).as("addressed to the sender").isEqualTo("globex");
        CommandRejected rejected = (CommandRejected) event.getPayload();
        assertThat(rejected.getReason()).isEqualTo(RejectionReason.NOT_PAYMENT_OWNER);
        assertThat(rejected.getCommandId()).isEqualTo(foreign.getCommandId());
        assertThat(store.find(id).block().status()).isEqualTo(CaptureStatus.AUTHORIZED);
        assertThat(ANTOM.appliedCaptures(auth.paymentId())).isEmpty();
    }

    @Test
    void theGuardiansVoidCarriesThePaymentsMerchantSoItsOwnerCheckPasses() {
        TestAntom.Authorized auth = authorize("void", 3400, "acme", DeadlinePolicy.VOID);

        advance(Duration.ofDays(7).minusHours(12).plusMinutes(1)); // deadline - safety margin

        await().atMost(WAIT).until(() -> !recorder.commands(auth.paymentRequestId(), CancelPayment.class).isEmpty());
        PaymentCommand cancel = recorder.commands(auth.paymentRequestId(), CancelPayment.class).get(0);
        assertThat(cancel.getMerchantId()).isEqualTo("acme");
    }

    private TestAntom.Authorized authorize(String prefix, long value, String merchantId, DeadlinePolicy policy) {
        String id = prefix + "-" + UUID.randomUUID();
        TestAntom.Authorized auth = ANTOM.pay(id, value, CaptureMode.MANUAL.name(), false);
        publishAuthorized(auth, merchantId, policy);
        await().atMost(WAIT).until(() -> store.find(id).blockOptional().isPresent());
        return auth;
    }

    /** authorization-service's PaymentAuthorized for a payment authorized on the sandbox. */
    private void publishAuthorized(TestAntom.Authorized auth, String merchantId, DeadlinePolicy policy) {
        String id = auth.paymentRequestId();
        PaymentAuthorized payload = new PaymentAuthorized(auth.paymentId(), money(auth.valueMinor()),
                CaptureMode.MANUAL, auth.paymentTime(), auth.authExpiryTime(), policy, null);
        kafka.send(Topics.PAYMENTS_EVENTS, id, new PaymentEvent(UUID.randomUUID().toString(), id, auth.paymentId(),
                merchantId, CLOCK.instant(), "cmd-" + id, payload)).join();
    }

    private PaymentCommand capture(TestAntom.Authorized auth, String merchantId) {
        PaymentCommand command = new PaymentCommand("cmd-" + UUID.randomUUID(), auth.paymentRequestId(), merchantId,
                CLOCK.instant(), new CapturePayment(money(auth.valueMinor()), null), null);
        kafka.send(Topics.PAYMENTS_COMMANDS, auth.paymentRequestId(), command).join();
        return command;
    }

    private static PaymentEvent awaitRejection(TestAntom.Authorized auth) {
        return await().atMost(WAIT).until(() -> recorder.envelopes(auth.paymentRequestId(), CommandRejected.class),
                list -> !list.isEmpty()).get(0);
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
