package io.holdfast.ingest.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.ingest.domain.CardFacts;
import io.holdfast.ingest.domain.Money;
import io.holdfast.ingest.domain.notification.NotificationId;
import io.holdfast.ingest.domain.notification.NotificationKind;
import io.holdfast.ingest.domain.notification.NotificationPayload;
import io.holdfast.ingest.domain.notification.VerifiedNotification;
import io.holdfast.schemas.Topics;
import io.holdfast.schemas.serde.AvroSerializer;
import io.holdfast.schemas.serde.SchemaRegistryClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class ReusingAvroSerializerUnitTests {

    private final SchemaRegistryClient registry = new SchemaRegistryClient() {
        private final Map<Schema, Integer> ids = new ConcurrentHashMap<>();

        @Override
        public int register(String subject, Schema schema) {
            return ids.computeIfAbsent(schema, s -> ids.size() + 1);
        }

        @Override
        public int lookup(String subject, Schema schema) {
            return ids.get(schema);
        }

        @Override
        public Schema schemaById(int id) {
            throw new UnsupportedOperationException();
        }
    };

    @Test
    void writesTheBytesOfTheSchemasSerializerForEveryKindOnEveryThread() {
        AvroSerializer<SpecificRecord> plain = new AvroSerializer<>(registry, true);
        ReusingAvroSerializer reusing = new ReusingAvroSerializer(registry, true);
        List<SpecificRecord> records = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            records.add(AvroNotifications.toAvro(notification(i)));
        }

        List<CompletableFuture<Void>> threads = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            threads.add(CompletableFuture.runAsync(() -> {
                for (int round = 0; round < 20; round++) {
                    for (SpecificRecord record : records) {
                        assertThat(reusing.serialize(Topics.ALIPAY_NOTIFICATIONS, record))
                                .isEqualTo(plain.serialize(Topics.ALIPAY_NOTIFICATIONS, record));
                    }
                }
            }));
        }
        threads.forEach(CompletableFuture::join);
        assertThat(reusing.serialize(Topics.ALIPAY_NOTIFICATIONS, null)).isNull();
    }

    private static VerifiedNotification notification(int i) {
        Instant at = Instant.parse("2026-12-06T03:00:00Z").plusSeconds(i);
        Money money = new Money(1000L + i, "USD");
        CardFacts card = i % 3 == 0 ? null : new CardFacts("411111******1111", "VISA", "CREDIT", "US");
        NotificationPayload payload = switch (i % 4) {
            case 0 -> new NotificationPayload.PaymentResult("PAYMENT_RESULT", "S", "SUCCESS", i % 2 == 0 ? null : "ok",
                    "acme-" + i, "pay-" + i, money, at, i % 5 == 0 ? null : at, at.plusSeconds(86_400), card,
                    i % 2 == 0 ? null : "tok-" + "x".repeat(i));
            case 1 -> new NotificationPayload.CaptureResult("F", "PROCESS_FAIL", "failed", "acme-" + i + "-c",
                    "pay-" + i, "cap-" + i, money, at, i % 2 == 0 ? null : "arn-" + i);
            case 2 -> new NotificationPayload.RefundResult("S", "SUCCESS", null, "SUCCESS", "acme-" + i + "-r",
                    "ref-" + i, money, at, null);
            default -> new NotificationPayload.VaultingResult("S", "SUCCESS", "success", "v-" + i, "tok-" + i, card);
        };
        return new VerifiedNotification(NotificationId.ofRawBody(("body " + i).getBytes(StandardCharsets.UTF_8)),
                NotificationKind.PAYMENT, at, "CLIENT", Long.toString(at.toEpochMilli()), payload);
    }
}
