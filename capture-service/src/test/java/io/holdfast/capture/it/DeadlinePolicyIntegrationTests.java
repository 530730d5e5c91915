package io.holdfast.capture.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.holdfast.capture.application.ScheduleStore;
import io.holdfast.capture.domain.CaptureStatus;
import io.holdfast.capture.domain.DeadlinePolicy;
import io.holdfast.schemas.Topics;
import io.holdfast.schemas.command.CapturePayment;
import io.holdfast.schemas.command.ChangeDeadlinePolicy;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.common.CaptureMode;
import io.holdfast.schemas.common.Money;
import io.holdfast.schemas.event.AuthorizationCancelled;
import io.holdfast.schemas.event.CaptureScheduled;
import io.holdfast.schemas.event.CancelInitiator;
import io.holdfast.schemas.event.CommandRejected;
import io.holdfast.schemas.event.DeadlinePolicyChanged;
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
 * ChangeDeadlinePolicy (an operator's command from payment-view's console, or a merchant's): applied to an open
 * schedule row with DeadlinePolicyChanged (changedBy = operatorId) through the outbox; refused with INVALID_STATE once
 * the schedule is closed, NOT_PAYMENT_OWNER for another merchant's command; before its PaymentAuthorized it is parked
 * (with any parked CapturePayment, in arrival order) and UNKNOWN_PAYMENT only after the parking timeout.
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "holdfast.capture.scheduler.poll-interval=200ms",
        "holdfast.capture.outbox.poll-interval=100ms",
        "holdfast.alipay.timeout=3s",
        "holdfast.capture.command-parking.check-interval=200ms"})
@EmbeddedKafka(partitions = 1, topics = {Topics.PAYMENTS_COMMANDS, Topics.PAYMENTS_EVENTS,
        Topics.ALIPAY_NOTIFICATIONS, "payments.commands.DLT", "payments.events.DLT", "alipay.notifications.DLT"})
class DeadlinePolicyIntegrationTests {

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
        EmbeddedDatabase.register(registry, "capture_policy");
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
    void anOperatorsPolicyChangeAppliesToAnOpenScheduleRowWithItsEvent() {
        String id = authorize("open", "acme");

        PaymentCommand command = change(id, "acme", io.holdfast.schemas.common.DeadlinePolicy.VOID, "olivia");

        List<PaymentEvent> changed = await().atMost(WAIT).until(
                () -> recorder.envelopes(id, DeadlinePolicyChanged.class), list -> !list.isEmpty());
        PaymentEvent envelope = changed.get(0);
        DeadlinePolicyChanged event = (DeadlinePolicyChanged) envelope.getPayload();
        assertThat(event.getPreviousPolicy()).isEqualTo(io.holdfast.schemas.common.DeadlinePolicy.EXPIRE);
        assertThat(event.getPolicy()).isEqualTo(io.holdfast.schemas.common.DeadlinePolicy.VOID);
        assertThat(event.getChangedBy()).isEqualTo("olivia");
        assertThat(event.getReason()).isEqualTo("buyer asked");
        assertThat(event.getDeadline()).isEqualTo(store.find(id).block().deadline());
        assertThat(envelope.getCausationId()).isEqualTo(command.getCommandId());
        assertThat(envelope.getMerchantId()).isEqualTo("acme");
        assertThat(store.find(id).block().policy()).isEqualTo(DeadlinePolicy.VOID);
        assertThat(recorder.envelopes(id, CommandRejected.class)).isEmpty();
    }

    @Test
    void aPolicyChangeOnAClosedScheduleIsRejectedAsInvalidState() {
        String id = authorize("closed", "acme");
        kafka.send(Topics.PAYMENTS_EVENTS, id, new PaymentEvent(UUID.randomUUID().toString(), id, "pay-" + id,
                "acme", CLOCK.instant(), null, new AuthorizationCancelled(CLOCK.instant(), CancelInitiator.MERCHANT,
                        null))).join();
        await().atMost(WAIT).until(() -> store.find(id).block().status() == CaptureStatus.VOIDED);

        change(id, "acme", io.holdfast.schemas.common.DeadlinePolicy.CAPTURE, "olivia");

        assertThat(awaitRejection(id).getReason()).isEqualTo(RejectionReason.INVALID_STATE);
        assertThat(store.find(id).block().policy()).isEqualTo(DeadlinePolicy.EXPIRE);
        assertThat(recorder.envelopes(id, DeadlinePolicyChanged.class)).isEmpty();
        await().atMost(WAIT).until(() -> !recorder.deadLetterCommands(id).isEmpty());
    }

    /**
     * The merchant's race: the policy right after the AuthorizePayment reaches capture-service before the
     * PaymentAuthorized (another topic, another consumer). It is parked like an early CapturePayment and applied when
     * the authorization arrives (before, it was rejected at once with UNKNOWN_PAYMENT).
     */
    @Test
    void aPolicyChangeBeforeItsPaymentAuthorizedIsParkedThenAppliedWhenTheAuthorizationArrives() {
        String id = "early-" + UUID.randomUUID();

        PaymentCommand command = change(id, "acme", io.holdfast.schemas.common.DeadlinePolicy.VOID, "olivia");
        await().atMost(WAIT).until(() -> parkedCommands(id) == 1
                || !recorder.envelopes(id, CommandRejected.class).isEmpty());
        assertThat(recorder.events(id, CommandRejected.class)).as("no rejection while the authorization is on its way")
                .isEmpty();

        publishAuthorized(id, "acme");

        List<PaymentEvent> changed = await().atMost(WAIT).until(
                () -> recorder.envelopes(id, DeadlinePolicyChanged.class), list -> !list.isEmpty());
        DeadlinePolicyChanged event = (DeadlinePolicyChanged) changed.get(0).getPayload();
        assertThat(event.getPreviousPolicy()).isEqualTo(io.holdfast.schemas.common.DeadlinePolicy.EXPIRE);
        assertThat(event.getPolicy()).isEqualTo(io.holdfast.schemas.common.DeadlinePolicy.VOID);
        assertThat(event.getChangedBy()).isEqualTo("olivia");
        assertThat(changed.get(0).getCausationId()).isEqualTo(command.getCommandId());
        assertThat(store.find(id).block().policy()).isEqualTo(DeadlinePolicy.VOID);
        assertThat(parkedCommands(id)).isZero();
        assertThat(recorder.events(id, CommandRejected.class)).isEmpty();
        assertThat(recorder.deadLetterCommands(id)).isEmpty();
    }

    /** Parked policy changes and captures of one payment are applied in the order they arrived, whatever their kind. */
    @Test
    void parkedPolicyChangesAndCapturesApplyInArrivalOrder() {
        String policyFirst = "order-p-" + UUID.randomUUID();
        String captureFirst = "order-c-" + UUID.randomUUID();
        change(policyFirst, "acme", io.holdfast.schemas.common.DeadlinePolicy.CAPTURE, "olivia");
        captureAt(policyFirst, "acme");
        captureAt(captureFirst, "acme");
        change(captureFirst, "acme", io.holdfast.schemas.common.DeadlinePolicy.CAPTURE, "olivia");
        await().atMost(WAIT).until(() -> parkedCommands(policyFirst) == 2 && parkedCommands(captureFirst) == 2);

        publishAuthorized(policyFirst, "acme");
        publishAuthorized(captureFirst, "acme");

        await().atMost(WAIT).until(() -> timeline(policyFirst).size() == 3 && timeline(captureFirst).size() == 3);
        assertThat(timeline(policyFirst)).containsExactly(PaymentAuthorized.class, DeadlinePolicyChanged.class,
                CaptureScheduled.class);
        assertThat(timeline(captureFirst)).containsExactly(PaymentAuthorized.class, CaptureScheduled.class,
                DeadlinePolicyChanged.class);
        assertThat(store.find(policyFirst).block().status()).isEqualTo(CaptureStatus.CAPTURE_SCHEDULED);
        assertThat(store.find(captureFirst).block().policy()).isEqualTo(DeadlinePolicy.CAPTURE);
    }

    /** A parked policy change whose payment never arrives ends as a parked capture does: UNKNOWN_PAYMENT. */
    @Test
    void aParkedPolicyChangeWhosePaymentNeverArrivesIsRejectedAfterTheParkingTimeout() {
        String id = "unknown-" + UUID.randomUUID();

        change(id, "acme", io.holdfast.schemas.common.DeadlinePolicy.CAPTURE, "olivia");
        await().atMost(WAIT).until(() -> parkedCommands(id) == 1
                || !recorder.envelopes(id, CommandRejected.class).isEmpty());
        assertThat(recorder.events(id, CommandRejected.class)).as("parked, not rejected at once").isEmpty();
        CLOCK.advance(Duration.ofMinutes(61)); // past the parking timeout (1 h)

        PaymentEvent rejection = await().atMost(WAIT).until(() -> recorder.envelopes(id, CommandRejected.class),
                list -> !list.isEmpty()).get(0);
        assertThat(((CommandRejected) rejection.getPayload()).getReason()).isEqualTo(RejectionReason.UNKNOWN_PAYMENT);
        assertThat(rejection.getMerchantId()).as("addressed to the sender").isEqualTo("acme");
        assertThat(parkedCommands(id)).isZero();
    }

    @Test
    void aPolicyChangeFromAnotherMerchantIsRejectedAndChangesNothing() {
        String id = authorize("foreign", "acme");

        change(id, "globex", io.holdfast.schemas.common.DeadlinePolicy.CAPTURE, null);

        assertThat(awaitRejection(id).getReason()).isEqualTo(RejectionReason.NOT_PAYMENT_OWNER);
        assertThat(store.find(id).block().policy()).isEqualTo(DeadlinePolicy.EXPIRE);
    }

    private String authorize(String prefix, String merchantId) {
        String id = prefix + "-" + UUID.randomUUID();
        publishAuthorized(id, merchantId);
        await().atMost(WAIT).until(() -> store.find(id).blockOptional().isPresent());
        return id;
    }

    /** authorization-service's PaymentAuthorized: manual capture, EXPIRE, seven days to the deadline. */
    private void publishAuthorized(String id, String merchantId) {
        PaymentAuthorized payload = new PaymentAuthorized("pay-" + id, new Money(5100L, "USD"), CaptureMode.MANUAL,
                CLOCK.instant(), CLOCK.instant().plus(Duration.ofDays(7)),
                io.holdfast.schemas.common.DeadlinePolicy.EXPIRE, null);
        kafka.send(Topics.PAYMENTS_EVENTS, id, new PaymentEvent(UUID.randomUUID().toString(), id, "pay-" + id,
                merchantId, CLOCK.instant(), "cmd-" + id, payload)).join();
    }

    /** A CapturePayment for two days from now (scheduled, not sent: the clock does not get there here). */
    private void captureAt(String id, String merchantId) {
        kafka.send(Topics.PAYMENTS_COMMANDS, id, new PaymentCommand("cmd-" + UUID.randomUUID(), id, merchantId,
                CLOCK.instant(), new CapturePayment(new Money(5100L, "USD"), CLOCK.instant().plus(Duration.ofDays(2))),
                null)).join();
    }

    /** The payload types of the payment's events, in the order they were published. */
    private static List<Class<?>> timeline(String id) {
        return recorder.all().stream().filter(r -> r instanceof PaymentEvent e && id.equals(e.getPaymentRequestId()))
                .<Class<?>>map(r -> ((PaymentEvent) r).getPayload().getClass()).toList();
    }

    private long parkedCommands(String id) {
        return db.sql("select count(*) as n from parked_capture_command where payment_request_id = :id")
                .bind("id", id).map(r -> r.get("n", Long.class)).one().block();
    }

    private PaymentCommand change(String id, String merchantId, io.holdfast.schemas.common.DeadlinePolicy policy,
            String operatorId) {
        PaymentCommand command = new PaymentCommand("cmd-" + UUID.randomUUID(), id, merchantId, CLOCK.instant(),
                new ChangeDeadlinePolicy(policy, "buyer asked"), operatorId);
        kafka.send(Topics.PAYMENTS_COMMANDS, id, command).join();
        return command;
    }

    private static CommandRejected awaitRejection(String id) {
        return (CommandRejected) await().atMost(WAIT).until(() -> recorder.envelopes(id, CommandRejected.class),
                list -> !list.isEmpty()).get(0).getPayload();
    }

    private static EmbeddedSchemaRegistry startRegistry() {
        try {
            return EmbeddedSchemaRegistry.startOnFreePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
