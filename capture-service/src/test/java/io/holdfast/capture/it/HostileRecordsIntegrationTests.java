package io.holdfast.capture.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.holdfast.alipay.client.signing.AlipayKeys;
import io.holdfast.alipay.client.model.AntomFields;
import io.holdfast.messaging.testing.EmbeddedDatabase;
import io.holdfast.messaging.testing.HostileRecords;
import io.holdfast.messaging.testing.MutableClock;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import io.holdfast.capture.application.ScheduleStore;
import io.holdfast.schemas.Topics;
import io.holdfast.schemas.command.CapturePayment;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.common.CaptureMode;
import io.holdfast.schemas.common.DeadlinePolicy;
import io.holdfast.schemas.common.Money;
import io.holdfast.schemas.event.CommandRejected;
import io.holdfast.schemas.event.PaymentAuthorized;
import io.holdfast.schemas.event.PaymentEvent;
import io.holdfast.schemas.event.RejectionReason;
import io.holdfast.schemas.notification.AlipayNotification;
import io.holdfast.schemas.notification.CaptureResultNotification;
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
 * Records that decode but break Antom's field rules (issue 18): a CapturePayment is refused with
 * CommandRejected(INVALID_FIELD) and dead-lettered before its commandId is recorded or a capture is scheduled; a
 * capture notification is dead-lettered with its reason; the partition moves on.
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "holdfast.capture.scheduler.poll-interval=200ms",
        "holdfast.capture.outbox.poll-interval=100ms",
        "holdfast.alipay.base-url=https://localhost:1",
        "holdfast.alipay.client-id=UNUSED"})
@EmbeddedKafka(partitions = 1, topics = {Topics.PAYMENTS_COMMANDS, Topics.PAYMENTS_EVENTS,
        Topics.ALIPAY_NOTIFICATIONS, "payments.commands.DLT", "payments.events.DLT", "alipay.notifications.DLT"})
@ExtendWith(OutputCaptureExtension.class)
class HostileRecordsIntegrationTests {

    /** capture-service's consumer group ({@code spring.kafka.consumer.group-id}), named by the ACL and KEDA. */
    private static final String CONSUMER_GROUP = "capture-service";

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
    static KafkaProducer<String, byte[]> rawBytes;
    private static final Logger log = LoggerFactory.getLogger(HostileRecordsIntegrationTests.class);

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
        EmbeddedDatabase.register(registry, "capture_hostile_records");
        registry.add("holdfast.schema-registry.url", REGISTRY::url);
        var keys = AlipayKeys.generate(new SecureRandom()); // TEST-ONLY, never used for a call
        registry.add("holdfast.alipay.merchant-private-key", () -> AlipayKeys.toBase64(keys.getPrivate()));
        registry.add("holdfast.alipay.alipay-public-key", () -> AlipayKeys.toBase64(keys.getPublic()));
    }

    @BeforeEach
    void recorder() {
        if (recorder == null) {
            recorder = new Recorder(broker.getBrokersAsString(), REGISTRY.url(), List.of(Topics.PAYMENTS_EVENTS,
                    Topics.deadLetter(Topics.PAYMENTS_COMMANDS), Topics.deadLetter(Topics.ALIPAY_NOTIFICATIONS)));
        }
    }

    @BeforeEach
    void rawProducer() {
        if (rawBytes == null) {
            rawBytes = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    broker.getBrokersAsString()), new StringSerializer(), new ByteArraySerializer());
        }
    }

    @AfterAll
    static void stop() {
        if (recorder != null) {
            recorder.close();
        }
        if (rawBytes != null) {
            rawBytes.close();
        }
    }

    @Test
    void aCaptureOfAnAmountBeyondSixteenDigitsIsRejectedAndNothingIsScheduled() {
        String id = "huge-" + UUID.randomUUID();
        authorized(id, 2500);
        await().atMost(WAIT).until(() -> store.find(id).blockOptional().isPresent());

        send(new PaymentCommand("cmd-" + UUID.randomUUID(), id, null, CLOCK.instant(),
                new CapturePayment(new Money(Long.MAX_VALUE, "USD"), null), null));

        await().atMost(WAIT).until(() -> !recorder.events(id, CommandRejected.class).isEmpty());
        CommandRejected rejected = recorder.events(id, CommandRejected.class).get(0);
        assertThat(rejected.getReason()).isEqualTo(RejectionReason.INVALID_FIELD);
        assertThat(rejected.getField()).isEqualTo("payload.amount.valueMinor");
        await().atMost(WAIT).until(() -> !recorder.deadLetterCommands(id).isEmpty());
    }

    /** A 10,000-character commandId does not fit the inbox: it used to fail the insert, retried without end. */
    @Test
    void aCommandIdOfTenThousandCharactersIsRejectedAndThePartitionMovesOn() {
        String id = "long-command-id-" + UUID.randomUUID();
        send(new PaymentCommand("c".repeat(10_000), id, "acme", CLOCK.instant(),
                new CapturePayment(new Money(100L, "USD"), null), null));
        String after = "after-" + UUID.randomUUID();
        authorized(after, 2500);
        send(new PaymentCommand("cmd-" + UUID.randomUUID(), after, null, CLOCK.instant(),
                new CapturePayment(new Money(2500L, "US"), null), null));

        await().atMost(WAIT).until(() -> !recorder.events(id, CommandRejected.class).isEmpty());
        CommandRejected rejected = recorder.events(id, CommandRejected.class).get(0);
        assertThat(rejected.getField()).isEqualTo("commandId");
        assertThat(rejected.getCommandId()).isNull();
        await().atMost(WAIT).until(() -> !recorder.events(after, CommandRejected.class).isEmpty());
        assertThat(recorder.events(after, CommandRejected.class).get(0).getField())
                .isEqualTo("payload.amount.currency");
    }

    @Test
    void aCaptureNotificationBreakingTheRulesIsDeadLettered() {
        String paymentId = "pay-" + UUID.randomUUID();
        AlipayNotification notification = AlipayNotification.newBuilder()
                .setNotificationId(UUID.randomUUID().toString().replace("-", "")).setReceivedAt(CLOCK.instant())
                .setClientId("SANDBOX_5X00000000000000").setRequestTime("1767225600000")
                .setPayload(CaptureResultNotification.newBuilder().setResultStatus("Q").setResultCode("SUCCESS")
                        .setCaptureRequestId("x".repeat(10_000)).setPaymentId(paymentId).setCaptureId("cap-1")
                        .setCaptureAmount(new Money(100L, "USD")).build())
                .build();

        kafka.send(Topics.ALIPAY_NOTIFICATIONS, paymentId, notification).join();

        await().atMost(WAIT).until(() -> recorder.deadLetters().stream().anyMatch(r -> r instanceof AlipayNotification n
                && paymentId.equals(((CaptureResultNotification) n.getPayload()).getPaymentId())));
    }

    /**
     * The consumers' fuzz (issue 18): seeded hostile records and raw bytes on each input topic (payments.commands,
     * alipay.notifications, payments.events). The partitions move on (a valid authorization and a refused capture
     * behind them are handled, every offset is committed), nothing written to payments.events breaks the rules or
     * holds a card number, and no planted card number reaches the log. Replay with {@code -Dholdfast.fuzz.seed=<seed>},
     * run longer with {@code -Dholdfast.fuzz.scale=<n>}.
     */
    @Test
    void hostileRecordsOnEveryInputTopicNeitherStallNorLeak(CapturedOutput output) {
        long seed = HostileRecords.seed();
        HostileRecords fuzz = new HostileRecords(seed);
        int records = HostileRecords.count(300);
        int raw = HostileRecords.count(200);
        for (int i = 0; i < records; i++) {
            String id = "fz-" + seed % 10_000 + "-" + i;
            String key = fuzz.random().nextInt(10) == 0 ? fuzz.hostileString() : id;
            PaymentCommand command = fuzz.command(id);
            if (fuzz.random().nextBoolean()) {
                command.setPayload(new CapturePayment(new Money(fuzz.hostileAmount(), fuzz.hostileCurrency()), null));
            }
            kafka.send(Topics.PAYMENTS_COMMANDS, key, command);
            kafka.send(Topics.ALIPAY_NOTIFICATIONS, "pay-" + id, fuzz.notification(id, "pay-" + id));
        }
        for (int i = 0; i < raw; i++) {
            rawBytes.send(new ProducerRecord<>(Topics.PAYMENTS_COMMANDS, "fz-raw-" + i, fuzz.rawBytes()));
            rawBytes.send(new ProducerRecord<>(Topics.ALIPAY_NOTIFICATIONS, "fz-raw-" + i, fuzz.rawBytes()));
            rawBytes.send(new ProducerRecord<>(Topics.PAYMENTS_EVENTS, "fz-raw-" + i, fuzz.rawBytes()));
        }
        String marker = "after-fuzz-" + UUID.randomUUID();
        authorized(marker, 2500);
        send(new PaymentCommand("cmd-" + UUID.randomUUID(), marker, null, CLOCK.instant(),
                new CapturePayment(new Money(2500L, "US"), null), null));
        kafka.flush();
        rawBytes.flush();
        String seedNote = "fuzz seed " + seed + " (replay with -Dholdfast.fuzz.seed=" + seed + ")";
        log.info("{}: {} records", seedNote, 2 * records + 3 * raw + 2);

        try {
            await().atMost(WAIT).until(() -> store.find(marker).blockOptional().isPresent());
            await().atMost(WAIT).until(() -> !recorder.events(marker, CommandRejected.class).isEmpty());
            // every listener consumes in the service's one group (idIsGroup = false)
            awaitConsumed(Topics.PAYMENTS_COMMANDS, CONSUMER_GROUP);
            awaitConsumed(Topics.ALIPAY_NOTIFICATIONS, CONSUMER_GROUP);
            awaitConsumed(Topics.PAYMENTS_EVENTS, CONSUMER_GROUP);
        } catch (RuntimeException e) {
            throw new AssertionError(seedNote + ": a partition did not move on", e);
        }
        for (SpecificRecord record : recorder.all()) {
            if (record instanceof PaymentEvent event && event.getPaymentRequestId().startsWith("fz-" + seed % 10_000)) {
                assertThat(HostileRecords.cardNumbersIn(event)).as(seedNote).isEmpty();
                assertThat(AntomFields.id("paymentRequestId", event.getPaymentRequestId(), AntomFields.ID_MAX))
                        .as(seedNote).isEmpty();
            }
        }
        String logged = output.getAll().replaceAll("(?<=\\d)[ -](?=\\d)", "");
        for (String pan : HostileRecords.PANS) {
            assertThat(logged).as(seedNote + ": a planted card number in the log").doesNotContain(pan);
        }
    }

    /** Waits until the service's consumer group has committed everything published to {@code topic} so far. */
    private void awaitConsumed(String topic, String group) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            TopicPartition partition = new TopicPartition(topic, 0);
            long end = admin.listOffsets(Map.of(partition, OffsetSpec.latest())).all().get().get(partition).offset();
            await().atMost(WAIT).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get().get(partition);
                return committed != null && committed.offset() >= end;
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
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
