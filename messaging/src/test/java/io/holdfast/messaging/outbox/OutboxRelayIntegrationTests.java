package io.holdfast.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.holdfast.messaging.avro.AvroBinary;
import io.holdfast.messaging.avro.StoredAvro;
import io.holdfast.messaging.wakeup.Wakeup;
import io.holdfast.schemas.event.CommandRejected;
import io.holdfast.schemas.event.PaymentEvent;
import io.holdfast.schemas.event.RejectionReason;
import io.holdfast.schemas.serde.AvroDeserializer;
import io.holdfast.schemas.serde.AvroSerdeConfig;
import io.holdfast.schemas.serde.AvroSerializer;
import io.holdfast.schemas.serde.SchemaRegistryClient;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionCallback;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The outbox's ordering guarantee on a real PostgreSQL and a real broker: relays (replicas) racing over one table,
 * one of them stalling, failing (before and after the broker took the record) and restarting, while a writer keeps
 * committing events for many keys. On the topic, every key's events appear in commit order (duplicates allowed,
 * never a step back), and every row ends published.
 */
@EmbeddedKafka(partitions = 4, topics = {OutboxRelayIntegrationTests.TOPIC, OutboxRelayIntegrationTests.STUCK_TOPIC,
    OutboxRelayIntegrationTests.WAKE_TOPIC, OutboxRelayIntegrationTests.EVENTS_TOPIC,
    OutboxRelayIntegrationTests.COMMANDS_TOPIC, OutboxRelayIntegrationTests.BATCH_TOPIC,
    OutboxRelayIntegrationTests.AVRO_TOPIC, OutboxRelayIntegrationTests.LEASE_TOPIC})
class OutboxRelayIntegrationTests {

    /** Order is by commit, never by time: one fixed instant for every row and every relay. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC);
    static final String TOPIC = "outbox.order";
    static final String STUCK_TOPIC = "outbox.stuck";
    static final String LEASE_TOPIC = "outbox.lease";
    static final String WAKE_TOPIC = "outbox.woken";
    static final String EVENTS_TOPIC = "outbox.events";
    static final String COMMANDS_TOPIC = "outbox.commands";
    static final String BATCH_TOPIC = "outbox.batched";
    static final String AVRO_TOPIC = "outbox.avro";

    private static EmbeddedPostgres postgres;
    private static DatabaseClient db;
    private static TransactionalOperator transactions;
    private static KafkaTemplate<String, String> kafka;

    private final List<OutboxRelayLoop> loops = new ArrayList<>();

    @BeforeAll
    static void startDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        ConnectionFactory connections = ConnectionFactories.get("r2dbc:postgresql://postgres:postgres@localhost:"
                + postgres.getPort() + "/postgres");
        db = DatabaseClient.create(connections);
        transactions = TransactionalOperator.create(new R2dbcTransactionManager(connections));
        EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();
        Map<String, Object> producer = new HashMap<>(KafkaTestUtils.producerProps(broker.getBrokersAsString()));
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer, new StringSerializer(),
                new StringSerializer()));
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        kafka.destroy();
        postgres.close();
    }

    @BeforeEach
    void createTable() throws IOException, SQLException {
        try (InputStream ddl = R2dbcOutboxStore.class.getResourceAsStream("outbox.sql");
                Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("drop table if exists outbox");
            s.execute(new String(ddl.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @AfterEach
    void stopRelays() {
        loops.forEach(OutboxRelayLoop::stop);
    }

    @Test
    void relaysRacingWithAStalledFailingAndRestartedOnePublishEveryKeyInCommitOrder() {
        int keys = 30;
        int perKey = 20;
        Wakeup committed = new Wakeup();
        R2dbcOutboxStore store = new R2dbcOutboxStore(db, committed);
        AtomicInteger calls = new AtomicInteger();
        OutboxRelayLoop relayA = loop("relay-a", relay(store, faulty(calls), 50));
        // relay B is woken by the writer's commits as well as polling; A and C only poll
        OutboxRelayLoop relayB = new OutboxRelayLoop("relay-b", relay(store, this::kafkaSend, 7), Duration.ofMillis(20),
                Duration.ofSeconds(30), committed);
        loops.add(relayB);
        relayB.start();
        loop("relay-c", relay(store, this::kafkaSend, 100)).start();
        relayA.start();

        List<String> keyNames = new ArrayList<>();
        for (int k = 0; k < keys; k++) {
            keyNames.add(String.format("k-%02d", k));
        }
        Random random = new Random(12);
        for (int round = 0; round < perKey; round++) {
            Collections.shuffle(keyNames, random);
            // one transaction per round and half-round: keys interleave in commit order
            for (int half = 0; half < 2; half++) {
                List<OutboxEntry> entries = new ArrayList<>();
                for (String key : keyNames.subList(half * keys / 2, (half + 1) * keys / 2)) {
                    entries.add(entry(TOPIC, key, round));
                }
                transactions.transactional(store.append(entries)).block(Duration.ofSeconds(10));
            }
            if (round == perKey / 2) {
                relayA.stop(); // a restart mid-way, a pass possibly in flight
                relayA.start();
            }
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> unpublished() == 0);
        assertThat(count("select count(*) as n from outbox")).isEqualTo((long) keys * perKey);

        Map<String, List<Integer>> seen = consumeDistinct(TOPIC, keys * perKey);
        assertThat(seen).hasSize(keys);
        seen.forEach((key, indexes) -> {
            // at least once: a block sent but not yet marked when its relay stopped is sent again (8, 9, 8, 9, 10 …);
            // a consumer deduplicating on eventId sees the first deliveries, and those must be in commit order
            assertThat(new ArrayList<>(new LinkedHashSet<>(indexes)))
                    .as("first deliveries of %s as they reached the topic (all: %s)", key, indexes).isSorted();
            assertThat(new HashSet<>(indexes)).as("every event of %s", key).hasSize(perKey);
        });
        assertThat(calls.get()).as("relay A took part, its failures included").isGreaterThan(22);
    }

    /**
     * The relay polls only once a minute here: a row reaches Kafka within seconds only because the appending
     * transaction's commit woke the relay. A rolled-back append wakes it too late to matter and publishes nothing.
     */
    @Test
    void aCommittedRowIsPublishedRightAfterItsCommitNotAtTheNextPoll() {
        Wakeup committed = new Wakeup();
        R2dbcOutboxStore store = new R2dbcOutboxStore(db, committed);
        transactions.transactional(store.append(List.of(entry(WAKE_TOPIC, "w", 0)))).block(Duration.ofSeconds(10));
        OutboxRelayLoop relay = new OutboxRelayLoop("relay-woken", relay(store, this::kafkaSend, 100),
                Duration.ofMinutes(1), Duration.ofSeconds(30), committed);
        loops.add(relay);
        relay.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> unpublished() == 0); // the first pass, at start
        transactions.transactional(store.append(List.of(entry(WAKE_TOPIC, "w", 1)))
                .then(Mono.error(new IllegalStateException("rolled back (test)"))))
                .onErrorResume(IllegalStateException.class, e -> Mono.empty()).block(Duration.ofSeconds(10));

        transactions.transactional(store.append(List.of(entry(WAKE_TOPIC, "w", 2)))).block(Duration.ofSeconds(10));

        await().atMost(Duration.ofSeconds(5)).until(() -> unpublished() == 0);
        assertThat(count("select count(*) as n from outbox")).isEqualTo(2);
        assertThat(consumeDistinct(WAKE_TOPIC, 2)).containsOnly(Map.entry("w", List.of(0, 2)));
    }

    /**
     * A pass takes every row there is up to its batch, so one wake-up costs one pass per batch of rows: 250 rows
     * committed together (50 keys, 5 each, batch 100) are published by three passes (100, 100, 50), and no fourth pass
     * (a transaction) is spent to find nothing: rows committed meanwhile would have signalled the wake-up again.
     */
    @Test
    void aWakeUpCostsOnePassPerBatchAndNoPassToFindNothing() {
        Wakeup committed = new Wakeup();
        R2dbcOutboxStore store = new R2dbcOutboxStore(db, committed);
        AtomicInteger passes = new AtomicInteger();
        TransactionalOperator counting = new TransactionalOperator() {
            @Override
            public <T> Flux<T> execute(TransactionCallback<T> action) {
                return transactions.execute(action);
            }

            @Override
            public <T> Mono<T> transactional(Mono<T> mono) {
                passes.incrementAndGet();
                return transactions.transactional(mono);
            }
        };
        OutboxRelay relay = new OutboxRelay(store, counting, message -> kafkaSend(message), CLOCK,
                new OutboxRelay.Settings(100, Duration.ofSeconds(30), 8));
        OutboxRelayLoop loop = new OutboxRelayLoop("relay-batched", relay, Duration.ofMinutes(10),
                Duration.ofSeconds(30), committed);
        loops.add(loop);
        loop.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> passes.get() == 1); // the first pass, at start
        List<OutboxEntry> entries = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            for (int k = 0; k < 50; k++) {
                entries.add(entry(BATCH_TOPIC, "b-" + k, i));
            }
        }

        transactions.transactional(store.append(entries)).block(Duration.ofSeconds(10));

        await().atMost(Duration.ofSeconds(30)).until(() -> unpublished() == 0);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).untilAsserted(() -> assertThat(
                passes.get()).as("passes: the first at start, then one per batch of 100 rows").isEqualTo(4));
    }

    /**
     * The services' rows hold Avro binary, sent as they are: on the topic they are byte for byte what the contract's
     * serializer writes for the record they encode (Confluent framing, the schema id of {@code <topic>-value}), and
     * the contract's deserializer reads them back.
     */
    @Test
    void storedAvroReachesTheTopicAsTheSerializerWritesTheRecordItEncodes() throws IOException {
        SchemaRegistryClient registry = new InMemoryRegistry();
        Map<String, Object> props = new HashMap<>(KafkaTestUtils.producerProps(
                EmbeddedKafkaCondition.getBroker().getBrokersAsString()));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroSerializer.class);
        props.put(AvroSerdeConfig.REGISTRY_CLIENT_INSTANCE, registry);
        DefaultKafkaProducerFactory<Object, Object> producers = new DefaultKafkaProducerFactory<>(props);
        PaymentEvent event = new PaymentEvent(UUID.randomUUID().toString(), "pr-avro", null, "m-1",
                CLOCK.instant(), null, new CommandRejected("c-1", RejectionReason.INVALID_FIELD, "amount",
                "too many digits", null));
        ByteArrayOutputStream binary = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(binary, null);
        new SpecificDatumWriter<>(PaymentEvent.class).write(event, encoder);
        encoder.flush();
        KafkaOutboxPublisher<byte[]> publisher = StoredAvro.publisher(producers,
                message -> new AvroBinary(PaymentEvent.getClassSchema(), message.payload()));
        try {
            publisher.publish(new OutboxMessage(UUID.randomUUID(), 1, AVRO_TOPIC, "pr-avro", "CommandRejected",
                    binary.toByteArray())).block(Duration.ofSeconds(30));

            byte[] onTheTopic = readOne(AVRO_TOPIC);
            assertThat(onTheTopic).isEqualTo(new AvroSerializer<PaymentEvent>(registry, true)
                    .serialize(AVRO_TOPIC, event));
            assertThat(new AvroDeserializer<>(registry, PaymentEvent.class).deserialize(AVRO_TOPIC, onTheTopic))
                    .isEqualTo(event);
        } finally {
            producers.destroy();
        }
    }

    /**
     * capture-service's VOID policy commits a CaptureDeadlineApproaching (payments.events) and a CancelPayment
     * (payments.commands) for one key; the relay sends the second after the first's acknowledgement. That
     * acknowledgement completes on the producer's network thread: sending from there to a topic the producer has no
     * metadata for blocked that very thread, which is the one that fetches metadata, for {@code max.block.ms} (60 s
     * by default; the chaos suite saw a deadline missed this way).
     */
    @Test
    void aKeysNextRecordForATopicNewToTheProducerIsNotHeldUpByItsMetadata() {
        Map<String, Object> props = new HashMap<>(KafkaTestUtils.producerProps(
                EmbeddedKafkaCondition.getBroker().getBrokersAsString()));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        KafkaTemplate<String, String> fresh = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(props,
                new StringSerializer(), new StringSerializer()));
        try {
            R2dbcOutboxStore store = new R2dbcOutboxStore(db);
            transactions.transactional(store.append(List.of(entry(EVENTS_TOPIC, "void", 0),
                    entry(COMMANDS_TOPIC, "void", 1)))).block(Duration.ofSeconds(10));
            OutboxPublisher publisher = new KafkaOutboxPublisher<>(fresh,
                    m -> new String(m.payload(), StandardCharsets.UTF_8));
            long started = System.nanoTime();
            loop("relay-new-topic", relay(store, publisher, 100)).start();

            await().atMost(Duration.ofSeconds(30)).until(() -> unpublished() == 0);
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("both records published, the second without waiting out max.block.ms")
                    .isLessThan(Duration.ofSeconds(10));
        } finally {
            fresh.destroy();
        }
    }

    @Test
    void aKeyWhoseHeadCannotBeSentHoldsBackThatKeyOnly() {
        R2dbcOutboxStore store = new R2dbcOutboxStore(db);
        List<OutboxEntry> entries = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            for (String key : List.of("ok-1", "stuck", "ok-2")) {
                entries.add(entry(STUCK_TOPIC, key, i));
            }
        }
        transactions.transactional(store.append(entries)).block(Duration.ofSeconds(10));
        OutboxPublisher refusesStuck = message -> message.key().equals("stuck")
                ? Mono.error(new IllegalStateException("record refused (test)")) : kafkaSend(message);
        loop("relay-1", relay(store, refusesStuck, 100)).start();
        loop("relay-2", relay(store, refusesStuck, 2)).start();

        await().atMost(Duration.ofSeconds(30)).until(() -> unpublished() == 5
                && count("select min(completion_attempts) as n from outbox where aggregate_id = 'stuck' "
                        + "and seq = (select min(seq) from outbox where aggregate_id = 'stuck')") >= 3);
        assertThat(count("select count(*) as n from outbox where completion_date is null and aggregate_id <> 'stuck'"))
                .isZero();
        assertThat(count("select count(*) as n from outbox where aggregate_id = 'stuck' and completion_attempts > 0"))
                .as("only the head of the stuck key was ever tried").isEqualTo(1);
        Map<String, List<Integer>> seen = consumeDistinct(STUCK_TOPIC, 10);
        assertThat(seen).containsOnlyKeys("ok-1", "ok-2");
        assertThat(seen.get("ok-1")).containsExactly(0, 1, 2, 3, 4);
        assertThat(seen.get("ok-2")).containsExactly(0, 1, 2, 3, 4);
    }

    /**
     * A relay whose send never ends holds its key for its lease only: PostgreSQL then ends its session (idle in its
     * transaction too long), which rolls the pass back and releases the key, and another relay publishes the rows, in
     * order.
     */
    @Test
    void aRelayHangingOnKafkaHoldsItsKeyForItsLeaseOnly() {
        R2dbcOutboxStore store = new R2dbcOutboxStore(db);
        transactions.transactional(store.append(List.of(entry(LEASE_TOPIC, "held", 0), entry(LEASE_TOPIC, "held", 1))))
                .block(Duration.ofSeconds(10));
        AtomicInteger hangingSends = new AtomicInteger();
        OutboxRelay hanging = new OutboxRelay(store, transactions, message -> {
            hangingSends.incrementAndGet();
            return Mono.never();
        }, CLOCK, new OutboxRelay.Settings(100, Duration.ofSeconds(3), 8));
        Disposable stuck = hanging.pass().subscribe(pass -> { }, error -> { });
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> hangingSends.get() == 1);
            OutboxRelay healthy = relay(store, this::kafkaSend, 100);
            assertThat(healthy.pass().block(Duration.ofSeconds(10)).taken()).as("the key is held during the lease")
                    .isZero();

            await().atMost(Duration.ofSeconds(30)).until(() -> healthy.pass().block(Duration.ofSeconds(10))
                    .published() == 2);
        } finally {
            stuck.dispose();
        }
        assertThat(hangingSends.get()).isEqualTo(1);
        assertThat(consumeDistinct(LEASE_TOPIC, 2).get("held")).containsExactly(0, 1);
    }

    /**
     * Relay A's publisher: its sends 3..12 fail before the broker sees the record, 13..22 after the broker took it (a
     * lost acknowledgement); every 7th send stalls 300 ms, and events 0 and 10 of k-03 stall 2 s.
     */
    private OutboxPublisher faulty(AtomicInteger calls) {
        return message -> {
            int call = calls.incrementAndGet();
            Mono<Void> send = kafkaSend(message);
            if (call >= 3 && call <= 12) {
                return Mono.error(new IllegalStateException("broker unreachable (test)"));
            }
            if (call >= 13 && call <= 22) {
                return send.then(Mono.error(new IllegalStateException("acknowledgement lost (test)")));
            }
            if (message.key().equals("k-03") && message.payload()[message.payload().length - 1] == '0') {
                return Mono.delay(Duration.ofSeconds(2)).then(send);
            }
            return call % 7 == 0 ? Mono.delay(Duration.ofMillis(300)).then(send) : send;
        };
    }

    private OutboxRelay relay(R2dbcOutboxStore store, OutboxPublisher publisher, int batch) {
        return new OutboxRelay(store, transactions, publisher, CLOCK,
                new OutboxRelay.Settings(batch, Duration.ofSeconds(30), 8));
    }

    private OutboxRelayLoop loop(String name, OutboxRelay relay) {
        OutboxRelayLoop loop = new OutboxRelayLoop(name, relay, Duration.ofMillis(20), Duration.ofSeconds(30));
        loops.add(loop);
        return loop;
    }

    private Mono<Void> kafkaSend(OutboxMessage message) {
        return new KafkaOutboxPublisher<>(kafka, m -> new String(m.payload(), StandardCharsets.UTF_8))
                .publish(message);
    }

    private static OutboxEntry entry(String topic, String key, int index) {
        return new OutboxEntry(UUID.randomUUID(), topic, key, "TestEvent",
                (key + "#" + index).getBytes(StandardCharsets.UTF_8), CLOCK.instant());
    }

    private static byte[] readOne(String topic) {
        Map<String, Object> props = new HashMap<>(KafkaTestUtils.consumerProps(
                EmbeddedKafkaCondition.getBroker().getBrokersAsString(), "reader-" + UUID.randomUUID(), false));
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<byte[]> values = new ArrayList<>();
        try (Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
                new ByteArrayDeserializer()).createConsumer()) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
                return !values.isEmpty();
            });
        }
        return values.get(0);
    }

    private static long unpublished() {
        return count("select count(*) as n from outbox where completion_date is null");
    }

    /** A registry in memory: ids by subject and schema, from 1. */
    private static final class InMemoryRegistry implements SchemaRegistryClient {

        private final Map<String, Integer> ids = new ConcurrentHashMap<>();
        private final Map<Integer, Schema> schemas = new ConcurrentHashMap<>();

        @Override
        public int register(String subject, Schema schema) {
            return ids.computeIfAbsent(subject + "/" + schema, k -> {
                int id = ids.size() + 1;
                schemas.put(id, schema);
                return id;
            });
        }

        @Override
        public int lookup(String subject, Schema schema) {
            return register(subject, schema);
        }

        @Override
        public Schema schemaById(int id) {
            return schemas.get(id);
        }
    }

    private static long count(String sql) {
        Long n = db.sql(sql).map(row -> row.get("n", Long.class)).one().block(Duration.ofSeconds(10));
        return n == null ? 0 : n;
    }

    /**
     * Reads the topic until {@code distinct} event ids were seen; returns, per key, the event indexes in the order
     * they reached the topic (every delivery, duplicates included).
     */
    private static Map<String, List<Integer>> consumeDistinct(String topic, int distinct) {
        Map<String, Object> props = new HashMap<>(KafkaTestUtils.consumerProps(
                EmbeddedKafkaCondition.getBroker().getBrokersAsString(), "reader-" + UUID.randomUUID(), false));
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, List<Integer>> byKey = new HashMap<>();
        Set<String> ids = new HashSet<>();
        try (Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
                new StringDeserializer()).createConsumer()) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    String value = r.value();
                    assertThat(value).startsWith(r.key() + "#");
                    byKey.computeIfAbsent(r.key(), k -> new ArrayList<>())
                            .add(Integer.parseInt(value.substring(value.indexOf('#') + 1)));
                    ids.add(new String(r.headers().lastHeader(KafkaOutboxPublisher.EVENT_ID_HEADER).value(),
                            StandardCharsets.UTF_8));
                }
                return ids.size() >= distinct;
            });
            // anything still in flight (a late duplicate) would show in one more poll
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                String value = r.value();
                byKey.computeIfAbsent(r.key(), k -> new ArrayList<>())
                        .add(Integer.parseInt(value.substring(value.indexOf('#') + 1)));
            }
        }
        return byKey;
    }
}
