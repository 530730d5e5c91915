package io.holdfast.authorization.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.holdfast.authorization.application.PaymentQueries;
import io.holdfast.authorization.domain.PaymentStatus;
import io.holdfast.messaging.testing.MutableClock;
import io.holdfast.schemas.common.AdvisedAction;
import io.holdfast.schemas.common.CaptureMode;
import io.holdfast.schemas.common.DeadlinePolicy;
import io.holdfast.schemas.event.AuthorizationCancelled;
import io.holdfast.schemas.event.CancelFailed;
import io.holdfast.schemas.event.CancelInitiator;
import io.holdfast.schemas.event.PaymentActionRequired;
import io.holdfast.schemas.event.PaymentAuthorized;
import io.holdfast.schemas.event.PaymentDeclined;
import io.holdfast.schemas.event.PaymentEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The happy and refused paths: automatic and manual authorization, declines, 3DS, cancel, read API, metrics. */
@AuthorizationServiceIntegrationTest
class AuthorizationIntegrationTests extends ScenarioTest {

    @Autowired
    MutableClock clock;
    /** The management server: metrics and the operational read API (README: HTTP). */
    @Value("${local.management.port}")
    int port;

    @Test
    void automaticCaptureIsAuthorizedOnce() throws Exception {
        String id = Commands.newPaymentRequestId("auto");
        scenario.send(Commands.authorize(id, infra.cardToken, 1999, CaptureMode.AUTOMATIC, ""));

        scenario.awaitStatus(id, PaymentStatus.AUTHORIZED);
        PaymentAuthorized authorized = (PaymentAuthorized) scenario.awaitEvents(id, PaymentAuthorized.class)
                .get(0).getPayload();
        assertThat(authorized.getCaptureMode()).isEqualTo(CaptureMode.AUTOMATIC);
        assertThat(authorized.getAmount().getValueMinor()).isEqualTo(1999);
        assertThat(authorized.getCard().getCardBrand()).isEqualTo("VISA");
        assertThat(authorized.getCard().getMaskedCardNo()).doesNotContain("4054695723100768");
        assertThat(Scenario.authorizationsCreated(id)).isEqualTo(1);
    }

    @Test
    void manualCaptureCarriesTheDeadlineAndTheReadApiShowsTheTimeline() throws Exception {
        String id = Commands.newPaymentRequestId("manual");
        scenario.send(Commands.authorize(id, infra.cardToken, 5000, CaptureMode.MANUAL, ""));

        scenario.awaitStatus(id, PaymentStatus.AUTHORIZED);
        PaymentEvent event = scenario.awaitEvents(id, PaymentAuthorized.class).get(0);
        PaymentAuthorized authorized = (PaymentAuthorized) event.getPayload();
        assertThat(authorized.getAuthExpiryTime()).isAfter(authorized.getAuthorizedAt());
        assertThat(authorized.getDeadlinePolicy()).isEqualTo(DeadlinePolicy.VOID);
        assertThat(event.getPaymentId()).isEqualTo(authorized.getPaymentId());
        assertThat(event.getCausationId()).startsWith("auth-");

        WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .get().uri("/actuator/payments/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("AUTHORIZED")
                .jsonPath("$.captureMode").isEqualTo("MANUAL")
                .jsonPath("$.timeline[0].to").isEqualTo("AUTH_REQUESTED")
                .jsonPath("$.timeline[1].from").isEqualTo("AUTH_REQUESTED")
                .jsonPath("$.timeline[1].to").isEqualTo("AUTHORIZED")
                .jsonPath("$.timeline[1].causeKind").isEqualTo("PAY_RESPONSE");
    }

    @Test
    void unknownPaymentIsNotFoundOnTheReadApi() throws Exception {
        WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .get().uri("/actuator/payments/{id}", "no-such-payment").exchange()
                .expectStatus().isNotFound();
    }

    @ParameterizedTest
    @CsvSource({
        "SANDBOX_DECLINE_DO_NOT_HONOR, 1999, DO_NOT_HONOR, TRY_ANOTHER_PAYMENT_METHOD",
        "'', 11, RISK_REJECT, TRY_ANOTHER_PAYMENT_METHOD",
        "SANDBOX_DECLINE_SYSTEM_ERROR, 1999, SYSTEM_ERROR, DO_NOT_RETRY"})
    void declinesCarryAntomsCodeAndAdvice(String marker, long amount, String code, AdvisedAction advice) throws Exception {
        String id = Commands.newPaymentRequestId("decline");
        scenario.send(Commands.authorize(id, infra.cardToken, amount, CaptureMode.MANUAL, marker));

        scenario.awaitStatus(id, PaymentStatus.AUTH_DECLINED);
        PaymentDeclined declined = (PaymentDeclined) scenario.awaitEvents(id, PaymentDeclined.class).get(0)
                .getPayload();
        assertThat(declined.getResultCode()).isEqualTo(code);
        assertThat(declined.getAdvisedAction()).isEqualTo(advice);
        assertThat(declined.getResultMessage()).isNotBlank();
    }

    @Test
    void threeDsIsCompletedByTheNotification() throws Exception {
        String id = Commands.newPaymentRequestId("3ds");
        scenario.send(Commands.authorize(id, infra.cardToken, 2500, CaptureMode.MANUAL, "SANDBOX_3DS"));

        scenario.awaitStatus(id, PaymentStatus.AUTH_PENDING);
        PaymentActionRequired action = (PaymentActionRequired) scenario.awaitEvents(id, PaymentActionRequired.class)
                .get(0).getPayload();
        HttpResponse<String> buyer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(action.getRedirectUrl() + "/complete"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(buyer.statusCode()).isEqualTo(303);
        NotificationCatcher.Received notification = await().atMost(Scenario.WAIT)
                .until(() -> infra.notifications.paymentResults(id), list -> !list.isEmpty()).get(0);
        scenario.send(Notifications.of(notification, clock.instant()), action.getPaymentId());

        PaymentQueries.PaymentView view = scenario.awaitStatus(id, PaymentStatus.AUTHORIZED);
        assertThat(view.timeline().get(view.timeline().size() - 1).cause().kind().name()).isEqualTo("NOTIFICATION");
        scenario.awaitEvents(id, PaymentActionRequired.class, PaymentAuthorized.class);
    }

    @Test
    void cancelVoidsAManualAuthorization() throws Exception {
        String id = Commands.newPaymentRequestId("cancel");
        scenario.send(Commands.authorize(id, infra.cardToken, 3000, CaptureMode.MANUAL, ""));
        scenario.awaitStatus(id, PaymentStatus.AUTHORIZED);

        scenario.send(Commands.cancel(id, "buyer asked for a refund before capture"));

        scenario.awaitStatus(id, PaymentStatus.VOIDED);
        List<PaymentEvent> events = scenario.awaitEvents(id, PaymentAuthorized.class, AuthorizationCancelled.class);
        AuthorizationCancelled cancelled = (AuthorizationCancelled) events.get(1).getPayload();
        assertThat(cancelled.getInitiator()).isEqualTo(CancelInitiator.MERCHANT);
        assertThat(cancelled.getReason()).isEqualTo("buyer asked for a refund before capture");
    }

    @Test
    void cancelAfterAutomaticCaptureFailsWithTheReason() throws Exception {
        String id = Commands.newPaymentRequestId("cancel-captured");
        scenario.send(Commands.authorize(id, infra.cardToken, 3100, CaptureMode.AUTOMATIC, ""));
        scenario.awaitStatus(id, PaymentStatus.AUTHORIZED);

        scenario.send(Commands.cancel(id, "too late"));

        scenario.awaitStatus(id, PaymentStatus.CANCEL_FAILED);
        CancelFailed failed = (CancelFailed) scenario.awaitEvents(id, PaymentAuthorized.class, CancelFailed.class)
                .get(1).getPayload();
        assertThat(failed.getResultCode()).isEqualTo("ORDER_STATUS_INVALID");
    }

    @Test
    void metricsArePublishedForPrometheus() throws Exception {
        String id = Commands.newPaymentRequestId("metrics");
        scenario.send(Commands.authorize(id, infra.cardToken, 1200, CaptureMode.MANUAL, ""));
        scenario.awaitStatus(id, PaymentStatus.AUTHORIZED);

        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        await().atMost(Scenario.WAIT).untilAsserted(() -> assertThat(client.get().uri("/actuator/prometheus")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody())
                .contains("holdfast_payments{", "status=\"AUTHORIZED\"", "holdfast_payments_unknown",
                        "holdfast_payments_unknown_oldest_age_seconds", "holdfast_outbox_stale",
                        "holdfast_alipay_calls_seconds_count{", "operation=\"pay\""));
    }
}
