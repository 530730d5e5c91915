package io.holdfast.ingest.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.ingest.application.IdempotencyStore;
import io.holdfast.ingest.support.ApiKeys;
import io.holdfast.ingest.support.IngestIntegrationTest;
import io.holdfast.ingest.support.MerchantApi;
import io.holdfast.ingest.support.SecondEdge;
import io.holdfast.ingest.support.TestWorld;
import io.holdfast.ingest.support.TopicRecords;
import io.holdfast.schemas.Topics;
import io.holdfast.schemas.command.AuthorizePayment;
import io.holdfast.schemas.command.CancelPayment;
import io.holdfast.schemas.command.PaymentCommand;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * The Idempotency-Key's scope is (merchant, operation, paymentRequestId, key), and its records are shared by every
 * edge replica and survive a restart: another instance answers a conflicting reuse with 409 as well.
 */
@IngestIntegrationTest
class IdempotencyScopeIntegrationTests {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @Autowired
    EmbeddedKafkaBroker broker;

    private MerchantApi api;
    private TopicRecords topics;

    @BeforeEach
    void setUp() {
        api = new MerchantApi(TestWorld.appPort());
        topics = new TopicRecords(broker.getBrokersAsString());
    }

    @Test
    void theSameKeyForAuthorizeThenCancelOfOnePaymentGivesTwoCommandsThatBothReachKafka() {
        String id = "acme-" + UUID.randomUUID();
        String orderId = "order-" + UUID.randomUUID();

        Map<String, Object> authorized = api.post("/v1/payments/" + id + "/authorize", ApiKeys.ACME, orderId,
                MerchantApi.authorizeWithToken("tok_visa_1", 2000))
                .expectStatus().isAccepted().expectBody(JSON).returnResult().getResponseBody();
        Map<String, Object> cancelled = api.post("/v1/payments/" + id + "/cancel", ApiKeys.ACME, orderId, null)
                .expectStatus().isAccepted().expectBody(JSON).returnResult().getResponseBody();

        assertThat(cancelled.get("commandId")).isNotEqualTo(authorized.get("commandId"));
        List<PaymentCommand> stored = topics.matching(Topics.PAYMENTS_COMMANDS, r -> id.equals(r.key())).stream()
                .map(r -> (PaymentCommand) r.value()).toList();
        assertThat(stored).extracting(c -> c.getPayload().getClass().getSimpleName())
                .containsExactly(AuthorizePayment.class.getSimpleName(), CancelPayment.class.getSimpleName());
        assertThat(stored).extracting(PaymentCommand::getCommandId)
                .containsExactly((String) authorized.get("commandId"), (String) cancelled.get("commandId"));
    }

    @Test
    void aConflictingReuseIs409OnAnotherReplicaAndAfterARestartAndAnIdenticalRetryIsReplayed() {
        String id = "acme-" + UUID.randomUUID();
        String key = "order-" + UUID.randomUUID();
        String first = MerchantApi.authorizeWithToken("tok_visa_1", 1500);
        String other = MerchantApi.authorizeWithToken("tok_visa_1", 1600);

        try (SecondEdge replica = SecondEdge.start(broker.getBrokersAsString())) {
            Map<String, Object> accepted = api.post("/v1/payments/" + id + "/authorize", ApiKeys.ACME, key, first)
                    .expectStatus().isAccepted().expectBody(JSON).returnResult().getResponseBody();

            // a replica that was running when the key was used learns of it from the shared records (within ms)
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> replica.bean(IdempotencyStore.class).knows((String) accepted.get("commandId")));
            replica.api().post("/v1/payments/" + id + "/authorize", ApiKeys.ACME, key, other)
                    .expectStatus().isEqualTo(409)
                    .expectBody().jsonPath("$.error").isEqualTo("idempotency_key_reused");
            replica.api().post("/v1/payments/" + id + "/authorize", ApiKeys.ACME, key, first)
                    .expectStatus().isAccepted()
                    .expectHeader().valueEquals("Idempotent-Replayed", "true")
                    .expectBody().jsonPath("$.commandId").isEqualTo(accepted.get("commandId"));
        }
        // a replica started afterwards (a restart) reads the records before it takes requests
        try (SecondEdge restarted = SecondEdge.start(broker.getBrokersAsString())) {
            restarted.api().post("/v1/payments/" + id + "/authorize", ApiKeys.ACME, key, other)
                    .expectStatus().isEqualTo(409)
                    .expectBody().jsonPath("$.error").isEqualTo("idempotency_key_reused");
        }
        assertThat(topics.matching(Topics.PAYMENTS_COMMANDS, r -> id.equals(r.key()))).hasSize(1);
    }
}
