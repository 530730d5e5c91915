package io.holdfast.capture.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.holdfast.alipay.client.signing.AlipayKeys;
import io.holdfast.capture.application.ScheduleStore;
import io.holdfast.schemas.Topics;
import io.holdfast.schemas.command.CapturePayment;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.common.CaptureMode;
import io.holdfast.schemas.common.DeadlinePolicy;
import io.holdfast.schemas.common.Money;
import io.holdfast.schemas.event.CaptureScheduled;
import io.holdfast.schemas.event.CommandRejected;
import io.holdfast.schemas.event.PaymentAuthorized;
import io.holdfast.schemas.event.PaymentEvent;
import io.holdfast.schemas.event.RejectionReason;
import io.holdfast.schemas.registry.EmbeddedSchemaRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A CapturePayment's commandId is remembered with a fingerprint of its content: an identical redelivery is a silent
 * no-op, the same commandId with other content is refused with CommandRejected(DUPLICATE_COMMAND_ID_CONFLICT) on
 * payments.events (and kept on the dead-letter topic), never dropped as a duplicate. No capture is sent here (the
 * capture is scheduled days ahead and the clock stands still), so Antom is not needed. The relay and the scheduler
 * poll only every 10 minutes here: every event is on payments.events within seconds because the commit that wrote it
 * woke the relay.
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "holdfast.capture.scheduler.poll-interval=10m",
        "holdfast.capture.outbox.poll-interval=10m",
        "holdfast.alipay.base-url=https://localhost:1",
        "holdfast.alipay.client-id=UNUSED"})
@EmbeddedKafka(partitions = 1, topics = {Topics.PAYMENTS_COMMANDS, Topics.PAYMENTS_EVENTS,
        Topics.ALIPAY_NOTIFICATIONS, "payments.commands.DLT", "payments.events.DLT", "alipay.notifications.DLT"})
class CommandIdConflictIntegrationTests {

    static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    static final MutableClock CLOCK = new MutableClock(START);
    static final EmbeddedSchemaRegistry REGISTRY = startRegistry();
    static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    KafkaTemplate<String, SpecificRecord> kafka;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    ScheduleStore store;

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
        EmbeddedDatabase.register(registry, "capture_command_ids");
        registry.add("holdfast.schema-registry.url", REGISTRY::url);
        var keys = AlipayKeys.generate(new SecureRandom()); // TEST-ONLY, never used for a call
        registry.add("holdfast.alipay.merchant-private-key", () -> AlipayKeys.toBase64(keys.getPrivate()));
        registry.add("holdfast.alipay.alipay-public-key", () -> AlipayKeys.toBase64(keys.getPublic()));
    }

    @BeforeEach
    void recorder() {
        if (recorder == null) {
            recorder = new Recorder(broker.getBrokersAsString(), REGISTRY.url(),
                    List.of(Topics.PAYMENTS_EVENTS, Topics.deadLetter(Topics.PAYMENTS_COMMANDS)));
        }
    }

    @AfterAll
    static void stop() {
        if (recorder != null) {
            recorder.close();
        }
    }

    @Test
    void theSameCommandIdWithOtherContentIsRejectedWhileAnIdenticalRedeliveryStaysSilent() {
        String id = "conflict-" + UUID.randomUUID();
        authorized(id, 2500);
        await().atMost(WAIT).until(() -> store.find(id).blockOptional().isPresent());
        PaymentCommand capture = new PaymentCommand("cmd-" + UUID.randomUUID(), id, null, CLOCK.instant(),
                new CapturePayment(money(2500), CLOCK.instant().plus(Duration.ofDays(2))), null);
        send(capture);
        await().atMost(WAIT).until(() -> !recorder.events(id, CaptureScheduled.class).isEmpty());

        // the identical command again, issued later (issuedAt is not content): nothing new
        send(PaymentCommand.newBuilder(capture).setIssuedAt(CLOCK.instant().plusSeconds(60)).build());
        // the same commandId with another amount: refused out loud
        send(PaymentCommand.newBuilder(capture).setPayload(new CapturePayment(money(2400), null)).build());

        await().atMost(WAIT).until(() -> !recorder.events(id, CommandRejected.class).isEmpty());
        CommandRejected rejected = recorder.events(id, CommandRejected.class).get(0);
        assertThat(rejected.getReason()).isEqualTo(RejectionReason.DUPLICATE_COMMAND_ID_CONFLICT);
        assertThat(rejected.getCommandId()).isEqualTo(capture.getCommandId());
        await().atMost(WAIT).until(() -> !recorder.deadLetterCommands(id).isEmpty());
        assertThat(recorder.deadLetterCommands(id)).singleElement()
                .satisfies(c -> assertThat(((CapturePayment) c.getPayload()).getAmount()).isEqualTo(money(2400)));
        assertThat(recorder.events(id, CaptureScheduled.class)).hasSize(1);
        assertThat(recorder.events(id, CommandRejected.class)).hasSize(1);
        assertThat(store.find(id).block().captureAt()).isEqualTo(CLOCK.instant().plus(Duration.ofDays(2)));
    }

    /** authorization-service's PaymentAuthorized: manual capture, seven days to the deadline. */
    private void authorized(String id, long value) {
        String paymentId = "pay-" + UUID.randomUUID();
        PaymentAuthorized payload = new PaymentAuthorized(paymentId, money(value), CaptureMode.MANUAL, CLOCK.instant(),
                CLOCK.instant().plus(Duration.ofDays(7)), DeadlinePolicy.EXPIRE, null);
        kafka.send(Topics.PAYMENTS_EVENTS, id, new PaymentEvent(UUID.randomUUID().toString(), id, paymentId, null,
                CLOCK.instant(), "cmd-" + id, payload)).join();
    }

    private void send(PaymentCommand command) {
        kafka.send(Topics.PAYMENTS_COMMANDS, command.getPaymentRequestId(), command).join();
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
