package io.holdfast.ingest.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.ingest.NotificationIngestApplication;
import io.holdfast.ingest.adapter.metrics.MicrometerIngestMetrics;
import io.holdfast.ingest.support.AntomNotifications;
import io.holdfast.ingest.support.ApiKeys;
import io.holdfast.ingest.support.DeadKafkaEnvironment;
import io.holdfast.ingest.support.MerchantApi;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Kafka cannot take the write: nothing is acknowledged. Antom gets a 503 with a non-success result (so it resends),
 * the merchant a 503 (so it retries with the same Idempotency-Key).
 */
@SpringBootTest(classes = NotificationIngestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = DeadKafkaEnvironment.class)
class KafkaDownIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Test
    void anAuthenticNotificationIsNotAcknowledged() {
        AntomNotifications antom = new AntomNotifications(WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port).build());

        antom.post("/alipay/notifications/payment", AntomNotifications.payment("acme-down", "pay-down"))
                .expectStatus().isEqualTo(503)
                .expectHeader().exists("Retry-After")
                .expectBody()
                .jsonPath("$.result.resultCode").isEqualTo("NOT_STORED")
                .jsonPath("$.result.resultStatus").isEqualTo("U");

        assertThat(meters.counter(MicrometerIngestMetrics.NOT_STORED, "kind", "payment").count()).isEqualTo(1.0);
        assertThat(meters.counter(MicrometerIngestMetrics.ACKNOWLEDGED, "kind", "payment", "duplicate", "false")
                .count()).isZero();
    }

    @Test
    void aCommandIsNotAccepted() {
        new MerchantApi(port).post("/v1/payments/acme-" + UUID.randomUUID() + "/cancel", ApiKeys.ACME,
                "down-" + UUID.randomUUID(), null)
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.error").isEqualTo("not_stored");
    }
}
