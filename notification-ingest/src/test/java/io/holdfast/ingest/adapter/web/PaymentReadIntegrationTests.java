package io.holdfast.ingest.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.ingest.support.ApiKeys;
import io.holdfast.ingest.support.FakePaymentView;
import io.holdfast.ingest.support.IngestIntegrationTest;
import io.holdfast.ingest.support.TestWorld;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The merchant read API: answered from payment-view's read API for the authenticated merchant only, with the
 * merchant's API key and scope payments:read; filters validated at the edge.
 */
@IngestIntegrationTest
class PaymentReadIntegrationTests {

    private final WebTestClient client = WebTestClient.bindToServer()
            .baseUrl("http://localhost:" + TestWorld.appPort()).build();

    @Test
    void aMerchantReadsItsPaymentFromTheReadModelWithItsOwnMerchantId() {
        client.get().uri("/v1/payments/acme-read-1").header(HttpHeaders.AUTHORIZATION, "Bearer " + ApiKeys.ACME)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CAPTURED").jsonPath("$.merchantId").isEqualTo("acme");

        String basic = "Basic " + Base64.getEncoder().encodeToString((FakePaymentView.USERNAME + ":"
                + FakePaymentView.PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(FakePaymentView.requests()).contains("/internal/v1/payments/acme-read-1?merchantId=acme " + basic);
    }

    @Test
    void anotherMerchantsPaymentIsNotFound() {
        client.get().uri("/v1/payments/acme-read-1").header(HttpHeaders.AUTHORIZATION, "Bearer " + ApiKeys.GLOBEX)
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.error").isEqualTo("not_found");
        assertThat(FakePaymentView.requests()).anyMatch(r -> r.startsWith(
                "/internal/v1/payments/acme-read-1?merchantId=globex "));
    }

    @Test
    void theListPassesOnlyValidatedFiltersAndTheMerchantsId() {
        client.get().uri("/v1/payments?status=AUTHORIZED&deadlineBefore=2026-12-07T00:00:00Z&limit=20")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ApiKeys.ACME)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.query").isEqualTo(
                        "status=AUTHORIZED&deadlineBefore=2026-12-07T00:00:00Z&limit=20&merchantId=acme");

        client.get().uri("/v1/payments?status=NOPE").header(HttpHeaders.AUTHORIZATION, "Bearer " + ApiKeys.ACME)
                .exchange().expectStatus().isBadRequest();
        client.get().uri("/v1/payments?createdAfter=yesterday")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ApiKeys.ACME)
                .exchange().expectStatus().isBadRequest();
        client.get().uri("/v1/payments?limit=0").header(HttpHeaders.AUTHORIZATION, "Bearer " + ApiKeys.ACME)
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void withoutAKeyOrTheReadScopeNothingIsRead() {
        int before = FakePaymentView.requests().size();
        client.get().uri("/v1/payments/acme-read-1").exchange().expectStatus().isUnauthorized();
        client.get().uri("/v1/payments").header(HttpHeaders.AUTHORIZATION, "Bearer " + ApiKeys.LOOKOUT)
                .exchange().expectStatus().isForbidden();
        assertThat(FakePaymentView.requests()).hasSize(before);
    }
}
