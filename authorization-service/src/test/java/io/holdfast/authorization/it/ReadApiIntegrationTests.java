package io.holdfast.authorization.it;

import io.holdfast.authorization.domain.PaymentStatus;
import io.holdfast.schemas.common.CaptureMode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Payment data is served to operators on the management server only (a separate port, not routed to merchants);
 * the service's own port serves none of it, under any path.
 */
@AuthorizationServiceIntegrationTest
class ReadApiIntegrationTests extends ScenarioTest {

    @Value("${local.server.port}")
    int serverPort;
    @Value("${local.management.port}")
    int managementPort;

    @Test
    void theServicePortServesNoPaymentDataTheManagementPortDoes() throws Exception {
        String id = Commands.newPaymentRequestId("read");
        scenario.send(Commands.authorize(id, infra.cardToken, 8100, CaptureMode.MANUAL, ""));
        scenario.awaitStatus(id, PaymentStatus.AUTHORIZED);

        WebTestClient service = WebTestClient.bindToServer().baseUrl("http://localhost:" + serverPort).build();
        service.get().uri("/payments/{id}", id).exchange().expectStatus().isNotFound();
        service.get().uri("/actuator/payments/{id}", id).exchange().expectStatus().isNotFound();

        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build();
        management.get().uri("/actuator/payments/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paymentRequestId").isEqualTo(id)
                .jsonPath("$.status").isEqualTo("AUTHORIZED");
        management.get().uri("/actuator/payments/{id}", "no-such-payment").exchange().expectStatus().isNotFound();
    }
}
