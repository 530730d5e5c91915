package io.holdfast.ingest.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.ingest.support.ApiKeys;
import io.holdfast.ingest.support.IngestIntegrationTest;
import io.holdfast.ingest.support.MerchantApi;
import io.holdfast.ingest.support.TestWorld;
import io.holdfast.ingest.support.TopicRecords;
import io.holdfast.schemas.Topics;
import io.holdfast.schemas.command.AuthorizePayment;
import io.holdfast.schemas.command.CancelPayment;
import io.holdfast.schemas.command.CapturePayment;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.command.RefundPayment;
import io.holdfast.schemas.common.CaptureMode;
import io.holdfast.schemas.common.DeadlinePolicy;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/** The merchant command API over real HTTP and a real broker: auth, validation, ownership, idempotency, limits. */
@IngestIntegrationTest
class MerchantCommandIntegrationTests {

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
    void anAuthorizeWithATokenIsPublishedKeyedByPaymentRequestIdThenAccepted() {
        String id = "acme-" + UUID.randomUUID();

        api.post("/v1/payments/" + id + "/authorize", ApiKeys.ACME, "key-" + id,
                MerchantApi.authorizeWithToken("tok_visa_1", 2000))
                .expectStatus().isAccepted()
                .expectBody()
                .jsonPath("$.status").isEqualTo("ACCEPTED")
                .jsonPath("$.paymentRequestId").isEqualTo(id)
                .jsonPath("$.type").isEqualTo("AUTHORIZE")
                .jsonPath("$.commandId").isNotEmpty();

        List<TopicRecords.Seen> stored = topics.matching(Topics.PAYMENTS_COMMANDS, r -> id.equals(r.key()));
        assertThat(stored).hasSize(1);
        PaymentCommand command = (PaymentCommand) stored.get(0).value();
        assertThat(command.getMerchantId()).isEqualTo("acme");
        AuthorizePayment authorize = (AuthorizePayment) command.getPayload();
        assertThat(authorize.getAmount().getValueMinor()).isEqualTo(2000L);
        assertThat(authorize.getCaptureMode()).isEqualTo(CaptureMode.MANUAL);
        assertThat(authorize.getDeadlinePolicy()).isEqualTo(DeadlinePolicy.VOID);
        assertThat(authorize.getCard().getCardToken()).isEqualTo("tok_visa_1");
        assertThat(authorize.getOrder().getGoods()).hasSize(1);
        assertThat(authorize.getEnv().getClientIp()).isEqualTo("203.0.113.7");
    }

    @Test
    void cancelAndCaptureArePublished() {
        String id = "acme-" + UUID.randomUUID();

        api.post("/v1/payments/" + id + "/capture", ApiKeys.ACME, "cap-" + id,
                "{\"amount\":{\"valueMinor\":2000,\"currency\":\"USD\"}}").expectStatus().isAccepted();
        api.post("/v1/payments/" + id + "/cancel", ApiKeys.ACME, "can-" + id, null).expectStatus().isAccepted();

        List<TopicRecords.Seen> stored = topics.matching(Topics.PAYMENTS_COMMANDS, r -> id.equals(r.key()));
        assertThat(stored).extracting(r -> ((PaymentCommand) r.value()).getPayload().getClass().getSimpleName())
                .containsExactly(CapturePayment.class.getSimpleName(), CancelPayment.class.getSimpleName());
    }

    @Test
    void refundsArePublishedWithTheirOwnCommandIdsAndValidated() {
        String id = "acme-" + UUID.randomUUID();
        String body = "{\"amount\":{\"valueMinor\":700,\"currency\":\"USD\"},\"reason\":\"returned\"}";

        api.post("/v1/payments/" + id + "/refunds", ApiKeys.ACME, "r1-" + id, body).expectStatus().isAccepted()
                .expectBody().jsonPath("$.type").isEqualTo("REFUND");
        api.post("/v1/payments/" + id + "/refunds", ApiKeys.ACME, "r1-" + id, body).expectStatus().isAccepted()
                .expectHeader().valueEquals("Idempotent-Replayed", "true");
        api.post("/v1/payments/" + id + "/refunds", ApiKeys.ACME, "r2-" + id,
                "{\"amount\":{\"valueMinor\":300,\"currency\":\"USD\"},\"refundRequestId\":\"mine-1\","
                        + "\"captureId\":\"cap-9\"}").expectStatus().isAccepted();
        api.post("/v1/payments/" + id + "/refunds", ApiKeys.ACME, "r1-" + id,
                "{\"amount\":{\"valueMinor\":701,\"currency\":\"USD\"}}").expectStatus().isEqualTo(409);
        api.post("/v1/payments/" + id + "/refunds", ApiKeys.ACME, "r3-" + id,
                "{\"amount\":{\"valueMinor\":0,\"currency\":\"USD\"},\"refundRequestId\":\"" + "x".repeat(65)
                        + "\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.violations[?(@.field=='refundRequestId')]").exists();
        api.post("/v1/payments/" + id + "/refunds", ApiKeys.ACME, "r4-" + id, null).expectStatus().isBadRequest();
        api.post("/v1/payments/globex-" + id + "/refunds", ApiKeys.ACME, "r5-" + id, body)
                .expectStatus().isForbidden();

        List<TopicRecords.Seen> stored = topics.matching(Topics.PAYMENTS_COMMANDS, r -> id.equals(r.key()));
        assertThat(stored).hasSize(2);
        List<RefundPayment> refunds = stored.stream()
                .map(r -> (RefundPayment) ((PaymentCommand) r.value()).getPayload()).toList();
        assertThat(refunds).extracting(r -> r.getAmount().getValueMinor()).containsExactly(700L, 300L);
        assertThat(refunds.get(0).getRefundRequestId()).as("derived downstream from the commandId").isNull();
        assertThat(refunds.get(0).getReason()).isEqualTo("returned");
        assertThat(refunds.get(1).getRefundRequestId()).isEqualTo("mine-1");
        assertThat(refunds.get(1).getCaptureId()).isEqualTo("cap-9");
        assertThat(((PaymentCommand) stored.get(0).value()).getCommandId())
                .isNotEqualTo(((PaymentCommand) stored.get(1).value()).getCommandId());
    }

    @Test
    void aRepeatedIdenticalRequestGetsTheSameAnswerAndIsPublishedOnce() {
        String id = "acme-" + UUID.randomUUID();
        String body = MerchantApi.authorizeWithToken("tok_visa_2", 1500);

        String first = api.post("/v1/payments/" + id + "/authorize", ApiKeys.ACME, "same-" + id, body)
                .expectStatus().isAccepted().expectBody(String.class).returnResult().getResponseBody();
        String second = api.post("/v1/payments/" + id + "/authorize", ApiKeys.ACME, "same-" + id, body)
                .expectStatus().isAccepted()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(second).isEqualTo(first);
        assertThat(topics.matching(Topics.PAYMENTS_COMMANDS, r -> id.equals(r.key()))).hasSize(1);
    }

    @Test
    void reusingAnIdempotencyKeyForADifferentRequestIs409() {
        String id = "acme-" + UUID.randomUUID();
        api.post("/v1/payments/" + id + "/authorize", ApiKeys.ACME, "k-" + id,
                MerchantApi.authorizeWithToken("tok", 1500)).expectStatus().isAccepted();

        api.post("/v1/payments/" + id + "/authorize", ApiKeys.ACME, "k-" + id,
                MerchantApi.authorizeWithToken("tok", 1600))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.error").isEqualTo("idempotency_key_reused");
    }

    @Test
    void idempotencyKeysAreScopedPerMerchant() {
        String key = "shared-" + UUID.randomUUID();
        api.post("/v1/payments/acme-" + key + "/cancel", ApiKeys.ACME, key, null).expectStatus().isAccepted();
        api.post("/v1/payments/globex-" + key + "/cancel", ApiKeys.GLOBEX, key, null).expectStatus().isAccepted();
    }

    @Test
    void withoutAValidApiKeyIs401() {
        api.post("/v1/payments/acme-1/cancel", null, "k1", null)
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectBody().jsonPath("$.error").isEqualTo("unauthenticated");
        api.post("/v1/payments/acme-1/cancel", "not-a-key", "k1", null).expectStatus().isUnauthorized();
        api.http().post().uri("/v1/payments/acme-1/cancel").header("X-Api-Key", ApiKeys.ACME)
                .header("Idempotency-Key", "x-api-key-" + UUID.randomUUID()).exchange().expectStatus().isAccepted();
    }

    @Test
    void actingOnAnotherMerchantsPaymentIs403() {
        api.post("/v1/payments/globex-123/capture", ApiKeys.ACME, "k2",
                "{\"amount\":{\"valueMinor\":1,\"currency\":\"USD\"}}")
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.error").isEqualTo("not_payment_owner");
    }

    @Test
    void lackingTheScopeIs403() {
        api.post("/v1/payments/lookout-1/cancel", ApiKeys.LOOKOUT, "k3", null)
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.error").isEqualTo("insufficient_scope");
    }

    /**
     * What the edge accepts must keep the consumers' rules (issue 18), else the merchant gets a 202 and later a
     * CommandRejected: no card number in a text that goes to Kafka, no amount beyond Antom's 16 digits, no control
     * characters in a reference.
     */
    @Test
    void aCommandTheConsumersWouldRefuseIsRefusedHere() {
        String body = MerchantApi.authorizeWithToken("tok-rules", 4200)
                .replace("Two mugs", "card 4054 6957 2310 0768")
                .replace("\"referenceOrderId\":\"order-1\"", "\"referenceOrderId\":\"order\\u0000-1\"")
                .replace("\"valueMinor\":4200", "\"valueMinor\":10000000000000000");

        String answer = api.post("/v1/payments/acme-rules/authorize", ApiKeys.ACME, "rules", body)
                .expectStatus().isBadRequest()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(answer).contains("\"field\":\"order.orderDescription\"", "must not contain a card number",
                "\"field\":\"order.referenceOrderId\"", "\"field\":\"amount.valueMinor\"")
                .doesNotContain("2310");
    }

    /** Found by the edge's fuzz: a deeply nested value got no answer at all. */
    @Test
    void aDeeplyNestedValueIsAnsweredNot400Hung() {
        String body = "{\"amount\":" + "[".repeat(299) + "\"deep\"" + "]".repeat(299) + "}";

        api.post("/v1/payments/acme-deep/capture", ApiKeys.ACME, "deep", body)
                .expectStatus().isBadRequest();
    }

    @Test
    void validationNamesEveryFieldAndReason() {
        String body = """
                {"amount":{"valueMinor":-5,"currency":"usd"},"captureMode":"LATER",\
                "card":{"cardToken":"t","cardNo":"4111111111111111"},"order":{"orderDescription":"x"},\
                "env":{"terminalType":"TV"},"paymentRedirectUrl":"ftp://x"}""";

        api.post("/v1/payments/acme-v1/authorize", ApiKeys.ACME, "k4", body)
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.error").isEqualTo("validation_failed")
                .jsonPath("$.violations[?(@.field=='amount.valueMinor')].reason")
                .isEqualTo("must be a positive number of minor units")
                .jsonPath("$.violations[?(@.field=='amount.currency')]").exists()
                .jsonPath("$.violations[?(@.field=='captureMode')]").exists()
                .jsonPath("$.violations[?(@.field=='card')]").exists()
                .jsonPath("$.violations[?(@.field=='order.referenceOrderId')].reason").isEqualTo("is required")
                .jsonPath("$.violations[?(@.field=='env.terminalType')]").exists()
                .jsonPath("$.violations[?(@.field=='paymentRedirectUrl')]").exists();
    }

    @Test
    void theIdempotencyKeyHeaderIsRequired() {
        api.post("/v1/payments/acme-v2/cancel", ApiKeys.ACME, null, null)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.violations[0].field").isEqualTo("Idempotency-Key");
    }

    @Test
    void malformedJsonAndWrongMediaTypeAndOversizeAreRefused() {
        api.post("/v1/payments/acme-v3/capture", ApiKeys.ACME, "k5", "{\"amount\":")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.violations[0].field").isEqualTo("body");
        api.post("/v1/payments/acme-v3/capture", ApiKeys.ACME, "k5b",
                "{\"amount\":{\"valueMinor\":1,\"currency\":\"USD\"},\"amount\":{\"valueMinor\":9,\"currency\":\"USD\"}}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.violations[0].field").isEqualTo("body");
        api.http().post().uri("/v1/payments/acme-v3/capture").header("Authorization", "Bearer " + ApiKeys.ACME)
                .header("Idempotency-Key", "k6").contentType(MediaType.TEXT_PLAIN).bodyValue("amount=1")
                .exchange().expectStatus().isEqualTo(415);
        api.post("/v1/payments/acme-v3/capture", ApiKeys.ACME, "k7", "{\"pad\":\"" + "x".repeat(70_000) + "\"}")
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.error").isEqualTo("request_too_large");
    }

    @Test
    void overTheRateLimitIs429WithRetryAfter() {
        api.post("/v1/payments/trickle-1/cancel", ApiKeys.TRICKLE, "t1", null).expectStatus().isAccepted();
        api.post("/v1/payments/trickle-2/cancel", ApiKeys.TRICKLE, "t2", null).expectStatus().isAccepted();

        api.post("/v1/payments/trickle-3/cancel", ApiKeys.TRICKLE, "t3", null)
                .expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.error").isEqualTo("rate_limited");
    }
}
