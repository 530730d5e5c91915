package io.holdfast.view.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.holdfast.messaging.testing.EmbeddedDatabase;
import io.holdfast.schemas.Topics;
import io.holdfast.schemas.event.PaymentEvent;
import io.holdfast.schemas.registry.EmbeddedSchemaRegistry;
import io.holdfast.schemas.serde.ConfluentFraming;
import io.holdfast.schemas.serde.RestSchemaRegistryClient;
import io.holdfast.view.PaymentViewApplication;
import io.holdfast.view.application.ViewStore;
import io.holdfast.view.domain.PaymentView;
import io.holdfast.view.domain.ViewStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The projection on a real broker and PostgreSQL: redelivered and duplicated events, events that arrive out of
 * order, an event type from a newer schema than this build, and a rebuild from the topic yielding the same rows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(partitions = 2, topics = {Topics.PAYMENTS_EVENTS, Topics.PAYMENTS_COMMANDS, "payments.events.DLT"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProjectionIntegrationTests {

    static final EmbeddedSchemaRegistry REGISTRY = startRegistry();
    static final Duration WAIT = Duration.ofSeconds(20);
    static final Instant T0 = Instant.parse("2026-04-06T08:00:00Z");
    static final Instant DEADLINE = T0.plus(Duration.ofDays(7));

    @Autowired
    KafkaTemplate<String, SpecificRecord> kafka;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    ViewStore store;
    @Autowired
    DatabaseClient db;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    Environment environment;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        EmbeddedDatabase.register(registry, "view_projection");
        registry.add("holdfast.schema-registry.url", REGISTRY::url);
    }

    @Test
    @Order(1)
    void redeliveredAndDuplicatedEventsAreProjectedOnce() {
        String prId = "redelivered-" + UUID.randomUUID();
        PaymentEvent authorized = Events.authorized(prId, "acme", T0, DEADLINE, 1250);
        PaymentEvent warning = Events.warning(prId, "acme", T0.plus(Duration.ofDays(5)), DEADLINE, 1250);

        send(authorized, authorized, warning, warning, authorized, warning);
        PaymentEvent captured = Events.captured(prId, "acme", T0.plus(Duration.ofDays(6)), 1250);
        send(captured, captured);

        PaymentView v = awaitStatus(prId, ViewStatus.CAPTURED);
        assertThat(v.deadline().warningsSent()).isEqualTo(1);
        assertThat(v.amount().valueMinor()).isEqualTo(1250);
        assertThat(v.card().maskedCardNo()).isEqualTo("405469******0768");
        assertThat(store.timeline(prId).collectList().block()).hasSize(3);
    }

    @Test
    @Order(2)
    void eventsThatArriveOutOfOrderFoldWhereTheyOccurred() {
        String prId = "late-" + UUID.randomUUID();

        send(Events.captured(prId, "acme", T0.plus(Duration.ofDays(2)), 990),
                Events.warning(prId, "acme", T0.plus(Duration.ofDays(1)), DEADLINE, 990));
        awaitStatus(prId, ViewStatus.PENDING);
        send(Events.authorized(prId, "acme", T0, DEADLINE, 990));

        PaymentView v = awaitStatus(prId, ViewStatus.CAPTURED);
        assertThat(v.captureMode()).isEqualTo("MANUAL");
        assertThat(v.times().createdAt()).isEqualTo(T0);
        assertThat(v.times().updatedAt()).isEqualTo(T0.plus(Duration.ofDays(2)));
        assertThat(v.deadline().warningsSent()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void anEventOfATypeFromANewerSchemaIsKeptInTheTimelineAndTheRowHolds() throws IOException {
        String prId = "newer-" + UUID.randomUUID();
        send(Events.authorized(prId, "acme", T0, DEADLINE, 4200));
        awaitStatus(prId, ViewStatus.AUTHORIZED);

        sendNewerSchemaEvent(prId, T0.plusSeconds(60));

        await().atMost(WAIT).until(() -> store.timeline(prId).collectList().block().size() == 2);
        assertThat(store.timeline(prId).collectList().block())
                .anySatisfy(e -> {
                    assertThat(e.type()).isEqualTo("FraudReviewOpened");
                    assertThat(e.payloadJson()).contains("\"score\":87").contains("2026-04-06T08:01:00Z");
                });
        PaymentView v = store.find(prId).block();
        assertThat(v.status()).isEqualTo(ViewStatus.AUTHORIZED);
        assertThat(v.amount().valueMinor()).isEqualTo(4200);
        assertThat(v.times().updatedAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    @Order(4)
    void aRebuildFromTheTopicYieldsTheSameRows() {
        send(Events.authorized("rebuild-" + UUID.randomUUID(), "globex", T0, DEADLINE, 77));
        await().atMost(WAIT).until(() -> rows().size() >= 4);
        listeners.getListenerContainer("payment-view-events").stop();
        List<Map<String, Object>> before = rows();
        List<Map<String, Object>> timelineBefore = db.sql("select * from view_event order by event_id").fetch().all()
                .collectList().block();
        // a row no event explains: a rebuild must drop it
        db.sql("insert into view_payment (payment_request_id, status, warnings_sent, created_at, updated_at) "
                + "values ('ghost', 'CAPTURED', 0, now(), now())").then().block();

        try (ConfigurableApplicationContext rebuilt = new SpringApplicationBuilder(PaymentViewApplication.class)
                .run(PaymentViewApplication.arguments("--rebuild", "--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        "--holdfast.schema-registry.url=" + REGISTRY.url(),
                        "--spring.r2dbc.url=" + environment.getProperty("spring.r2dbc.url"),
                        "--spring.r2dbc.username=postgres", "--spring.r2dbc.password=postgres",
                        "--spring.flyway.url=" + environment.getProperty("spring.flyway.url"),
                        "--spring.flyway.user=postgres", "--spring.flyway.password=postgres"))) {
            assertThat(rebuilt.getEnvironment().getProperty("holdfast.view.rebuild")).isEqualTo("true");
            await().atMost(WAIT).until(() -> rows().equals(before));
            assertThat(db.sql("select * from view_event order by event_id").fetch().all().collectList().block())
                    .isEqualTo(timelineBefore);
        }
    }

    private List<Map<String, Object>> rows() {
        return new ArrayList<>(db.sql("select * from view_payment order by payment_request_id").fetch().all()
                .collectList().block());
    }

    private void send(PaymentEvent... events) {
        for (PaymentEvent e : events) {
            kafka.send(Topics.PAYMENTS_EVENTS, e.getPaymentRequestId(), e).join();
        }
    }

    private PaymentView awaitStatus(String prId, ViewStatus status) {
        await().atMost(WAIT).until(() -> {
            PaymentView v = store.find(prId).block();
            return v != null && v.status() == status;
        });
        return store.find(prId).block();
    }

    /** payments.events with one more union branch (a schema newer than this build), written as a merchant would. */
    private void sendNewerSchemaEvent(String prId, Instant at) throws IOException {
        Schema current = PaymentEvent.getClassSchema();
        Schema fraud = Schema.createRecord("FraudReviewOpened", "a newer event", "io.holdfast.schemas.event", false,
                List.of(new Schema.Field("paymentId", Schema.create(Schema.Type.STRING)),
                        new Schema.Field("score", Schema.create(Schema.Type.INT)),
                        new Schema.Field("openedAt", org.apache.avro.LogicalTypes.timestampMillis()
                                .addToSchema(Schema.create(Schema.Type.LONG)))));
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field f : current.getFields()) {
            Schema type = f.schema();
            if (f.name().equals("payload")) {
                List<Schema> branches = new ArrayList<>(type.getTypes());
                branches.add(fraud);
                type = Schema.createUnion(branches);
            }
            fields.add(new Schema.Field(f, type));
        }
        Schema newer = Schema.createRecord(current.getName(), current.getDoc(), current.getNamespace(), false, fields);
        int id = new RestSchemaRegistryClient(REGISTRY.url(), Duration.ofSeconds(5))
                .register(Topics.PAYMENTS_EVENTS + "-value", newer);

        GenericRecord payload = new GenericData.Record(fraud);
        payload.put("paymentId", "pay-" + prId);
        payload.put("score", 87);
        payload.put("openedAt", at.toEpochMilli());
        GenericRecord event = new GenericData.Record(newer);
        event.put("eventId", UUID.randomUUID().toString());
        event.put("paymentRequestId", prId);
        event.put("paymentId", "pay-" + prId);
        event.put("merchantId", "acme");
        event.put("occurredAt", at.toEpochMilli());
        event.put("causationId", null);
        event.put("payload", payload);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(newer).write(event, encoder);
        encoder.flush();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.PAYMENTS_EVENTS, prId,
                    ConfluentFraming.frame(id, out.toByteArray()))).get();
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
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
}
