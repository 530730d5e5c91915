package io.holdfast.ingest.adapter.web;

import io.holdfast.ingest.support.ApiKeys;
import io.holdfast.ingest.support.IngestIntegrationTest;
import io.holdfast.ingest.support.MerchantApi;
import io.holdfast.ingest.support.TestWorld;
import org.junit.jupiter.api.Test;

/** consult against the Antom sandbox. */
@IngestIntegrationTest
class ConsultIntegrationTests {

    private final MerchantApi api = new MerchantApi(TestWorld.appPort());

    @Test
    void returnsTheCardOptionsWithBrandsAndFunding() {
        api.post("/v1/payment-methods/consult", ApiKeys.LOOKOUT, null,
                "{\"amount\":{\"valueMinor\":4200,\"currency\":\"USD\"},\"terminalType\":\"WEB\",\"merchantRegion\":\"SG\"}")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paymentOptions[0].paymentMethodType").isEqualTo("CARD")
                .jsonPath("$.paymentOptions[0].enabled").isEqualTo(true)
                .jsonPath("$.paymentOptions[0].brands[?(@.cardBrand=='VISA')]").exists()
                .jsonPath("$.paymentOptions[0].funding").isNotEmpty();
    }

    @Test
    void invalidInputNamesTheField() {
        api.post("/v1/payment-methods/consult", ApiKeys.LOOKOUT, null,
                "{\"amount\":{\"valueMinor\":4200,\"currency\":\"XYZ\"}}")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.violations[?(@.field=='amount.currency')]").exists()
                .jsonPath("$.violations[?(@.field=='terminalType')].reason").isEqualTo("is required");
    }
}
