package io.holdfast.authorization.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.holdfast.alipay.client.AlipayOutcome;
import io.holdfast.alipay.client.model.Amount;
import io.holdfast.alipay.client.model.CaptureMode;
import io.holdfast.alipay.client.model.Env;
import io.holdfast.alipay.client.model.Order;
import io.holdfast.alipay.client.model.PayRequest;
import io.holdfast.alipay.client.model.PayResponse;
import io.holdfast.alipay.client.model.PaymentMethod;
import io.holdfast.alipay.sandbox.core.Api;
import io.holdfast.alipay.sandbox.core.LedgerOperation;
import io.holdfast.alipay.sandbox.fault.FaultKind;
import io.holdfast.alipay.sandbox.fault.FaultSpec;
import io.holdfast.authorization.application.PaymentQueries;
import io.holdfast.authorization.application.PaymentStore;
import io.holdfast.authorization.domain.Cause;
import io.holdfast.authorization.domain.Decision;
import io.holdfast.authorization.domain.Money;
import io.holdfast.authorization.domain.NewPayment;
import io.holdfast.authorization.domain.Payment;
import io.holdfast.authorization.domain.PaymentStatus;
import io.holdfast.authorization.domain.ReconcilePolicy;
import io.holdfast.messaging.testing.MutableClock;
import io.holdfast.schemas.common.AdvisedAction;
import io.holdfast.schemas.event.AuthorizationCancelled;
import io.holdfast.schemas.event.CancelInitiator;
import io.holdfast.schemas.event.PaymentActionRequired;
import io.holdfast.schemas.event.PaymentAuthorized;
import io.holdfast.schemas.event.PaymentDeclined;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every way an outcome can be unknown, each resolved by the reconciler through inquiryPayment with the same
 * paymentRequestId, and never by paying twice: the sandbox's ledger shows at most one authorization per payment.
 */
@AuthorizationServiceIntegrationTest
class UnknownOutcomeIntegrationTests extends ScenarioTest {

    @Autowired
    PaymentStore store;
    @Autowired
    ReconcilePolicy policy;
    @Autowired
    MutableClock clock;

    @BeforeEach
    void clearFaultsBefore() {
        infra.sandbox.control().clearFaults();
    }

    @AfterEach
    void clearFaultsAfter() {
        infra.sandbox.control().clearFaults();
    }

    static Stream<Arguments> unknownPayAnswers() {
        return Stream.of(
                Arguments.of("sandbox U (applied)", null, "SANDBOX_UNKNOWN"),
                Arguments.of("apply then timeout", FaultSpec.next(Api.PAY, FaultKind.APPLY_THEN_TIMEOUT, 1)
                        .withLatency(Duration.ofSeconds(4)), ""),
                Arguments.of("HTTP 503 after applying", FaultSpec.next(Api.PAY, FaultKind.HTTP_5XX, 1).applied(true),
                        ""),
                Arguments.of("bad response signature", FaultSpec.next(Api.PAY, FaultKind.WRONG_SIGNATURE, 1), ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownPayAnswers")
    void anUnknownPayIsResolvedByInquiryWithoutASecondAuthorization(String name, FaultSpec fault, String marker)
            throws Exception {
        if (fault != null) {
            infra.sandbox.control().injectFault(fault);
        }
        String id = Commands.newPaymentRequestId("unknown");
        scenario.send(Commands.authorize(id, infra.cardToken, 4200, io.holdfast.schemas.common.CaptureMode.MANUAL,
                marker));

        scenario.awaitStatus(id, PaymentStatus.AUTH_UNKNOWN);
        assertThat(scenario.eventsFor(id)).isEmpty();

        clock.advance(Duration.ofSeconds(2));
        PaymentQueries.PaymentView view = scenario.awaitStatus(id, PaymentStatus.AUTHORIZED);
        assertThat(view.timeline().get(view.timeline().size() - 1).cause().kind()).isEqualTo(Cause.Kind.INQUIRY);
        scenario.awaitEvents(id, PaymentAuthorized.class);
        assertThat(Scenario.authorizationsCreated(id)).isEqualTo(1);
    }

    /**
     * ORDER_NOT_EXIST 2 s after the pay is not trusted, 5 min after it is. The service records nothing for the first
     * answer (the reconciler rescheduled the row when it claimed it, before asking), so no wait can show that answer
     * applied before the clock moves on, and the status checked after the claim proves nothing: the first inquiry is
     * answered a second late, across the move, every time, and the decline's own text says when it was trusted.
     */
    @Test
    void orderNotExistIsTrustedOnlyLongAfterTheRequest() throws Exception {
        infra.sandbox.control().injectFault(FaultSpec.next(Api.PAY, FaultKind.UNKNOWN_EXCEPTION, 1));
        String id = Commands.newPaymentRequestId("never-created");
        scenario.send(Commands.authorize(id, infra.cardToken, 4300, io.holdfast.schemas.common.CaptureMode.MANUAL, ""));
        scenario.awaitStatus(id, PaymentStatus.AUTH_UNKNOWN);
        infra.sandbox.control().injectFault(FaultSpec.next(Api.INQUIRY_PAYMENT, FaultKind.LATENCY, 1)
                .withLatency(Duration.ofSeconds(1)));

        clock.advance(Duration.ofSeconds(2));
        await().atMost(Scenario.WAIT).until(() -> queries.find(id).block().payment().reconciliation().attempts() >= 1);
        assertThat(queries.find(id).block().payment().status()).isEqualTo(PaymentStatus.AUTH_UNKNOWN);

        clock.advance(Duration.ofMinutes(5));
        scenario.awaitStatus(id, PaymentStatus.AUTH_DECLINED);
        PaymentDeclined declined = (PaymentDeclined) scenario.awaitEvents(id, PaymentDeclined.class).get(0)
                .getPayload();
        assertThat(declined.getResultCode()).isEqualTo("ORDER_NOT_EXIST");
        assertThat(declined.getAdvisedAction()).isEqualTo(AdvisedAction.RETRY_WITH_NEW_REQUEST_ID);
        // trusted by the inquiry 5 min after the request, not by the first one's answer (asked 2 s after it)
        assertThat(declined.getResultMessage()).startsWith("inquiryPayment: ORDER_NOT_EXIST ");
        assertThat(Duration.parse(declined.getResultMessage().split(" ")[2])).as(declined.getResultMessage())
                .isGreaterThanOrEqualTo(Duration.ofMinutes(5));
        assertThat(Scenario.authorizationsCreated(id)).isZero();
    }

    @Test
    void aRowLeftInAuthRequestedByACrashIsResolvedByInquiry() {
        String id = Commands.newPaymentRequestId("crash");
        // the service "died" after sending pay and before recording the answer: the row is AUTH_REQUESTED...
        Decision.Transitioned attempt = Payment.request(new NewPayment(id, null, new Money(4400, "USD"),
                io.holdfast.authorization.domain.CaptureMode.MANUAL, null, "fingerprint-crash"),
                new Cause(Cause.Kind.COMMAND, "cmd-crash", "AuthorizePayment"), clock.instant());
        store.insert(policy.scheduleAfterTransition(attempt.payment(), clock.instant()), attempt.transition())
                .block(Scenario.WAIT);
        // ...and Antom did receive the pay
        PayRequest pay = PayRequest.card(id, Order.of("order-" + id, "Holdfast IT crash",
                        Amount.ofMinor("USD", 4400), null), Amount.ofMinor("USD", 4400),
                PaymentMethod.cardToken(infra.cardToken), CaptureMode.MANUAL, "https://merchant.example/return",
                Env.web("203.0.113.7"));
        AlipayOutcome<PayResponse> sent = infra.directClient.pay(pay).block(Scenario.WAIT);
        assertThat(sent).isInstanceOf(AlipayOutcome.Succeeded.class);

        clock.advance(Duration.ofSeconds(6));

        scenario.awaitStatus(id, PaymentStatus.AUTHORIZED);
        scenario.awaitEvents(id, PaymentAuthorized.class);
        assertThat(Scenario.authorizationsCreated(id)).isEqualTo(1);
    }

    @Test
    void aCancelWithoutAnswerIsSentAgainWithTheSameParameters() throws Exception {
        String id = Commands.newPaymentRequestId("cancel-unknown");
        scenario.send(Commands.authorize(id, infra.cardToken, 4500, io.holdfast.schemas.common.CaptureMode.MANUAL, ""));
        scenario.awaitStatus(id, PaymentStatus.AUTHORIZED);
        infra.sandbox.control().injectFault(FaultSpec.next(Api.CANCEL, FaultKind.UNKNOWN_EXCEPTION, 1));

        scenario.send(Commands.cancel(id, "risk flagged"));
        scenario.awaitStatus(id, PaymentStatus.CANCEL_UNKNOWN);

        clock.advance(Duration.ofSeconds(2));
        scenario.awaitStatus(id, PaymentStatus.VOIDED);
        scenario.awaitEvents(id, PaymentAuthorized.class, AuthorizationCancelled.class);
        assertThat(Scenario.ledger(id, LedgerOperation.CANCEL)).filteredOn(e -> !e.replay()).hasSize(1);
    }

    @Test
    void aPaymentUnresolvedTooLongIsCancelledAndReported() throws Exception {
        String id = Commands.newPaymentRequestId("give-up");
        scenario.send(Commands.authorize(id, infra.cardToken, 4600, io.holdfast.schemas.common.CaptureMode.MANUAL,
                "SANDBOX_3DS"));
        scenario.awaitStatus(id, PaymentStatus.AUTH_PENDING);

        clock.advance(Duration.ofHours(1).plusSeconds(1));

        PaymentQueries.PaymentView view = scenario.awaitStatus(id, PaymentStatus.VOIDED);
        assertThat(view.payment().cancel().initiator().name()).isEqualTo("RECONCILER");
        AuthorizationCancelled cancelled = (AuthorizationCancelled) scenario
                .awaitEvents(id, PaymentActionRequired.class, AuthorizationCancelled.class).get(1).getPayload();
        assertThat(cancelled.getInitiator()).isEqualTo(CancelInitiator.RECONCILER);
        assertThat(cancelled.getReason()).contains("unresolved");
    }

    /**
     * Chaos-suite finding (seed 20261205): a 3-D Secure payment the buyer completed, whose notifyPayment never came,
     * was cancelled by the reconciler's give-up without one inquiry; Antom had authorized and captured it, refused the
     * cancel, and the payment ended CANCEL_FAILED with the money taken and no PaymentAuthorized. The give-up now asks
     * Antom first and cancels only what is still unresolved.
     */
    @Test
    void theReconcilerInquiresBeforeGivingUpAndFindsTheAuthorization() throws Exception {
        String id = Commands.newPaymentRequestId("give-up-found");
        scenario.send(Commands.authorize(id, infra.cardToken, 4700, io.holdfast.schemas.common.CaptureMode.AUTOMATIC,
                "SANDBOX_3DS"));
        scenario.awaitStatus(id, PaymentStatus.AUTH_PENDING);
        PaymentActionRequired action = (PaymentActionRequired) scenario.awaitEvents(id, PaymentActionRequired.class)
                .get(0).getPayload();
        HttpResponse<String> buyer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(action.getRedirectUrl() + "/complete"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(buyer.statusCode()).isEqualTo(303);
        // its notifyPayment never reaches the service: only an inquiry can tell

        clock.advance(Duration.ofHours(1).plusSeconds(1));

        PaymentQueries.PaymentView view = scenario.awaitStatus(id, PaymentStatus.AUTHORIZED);
        assertThat(view.timeline().get(view.timeline().size() - 1).cause().kind()).isEqualTo(Cause.Kind.INQUIRY);
        scenario.awaitEvents(id, PaymentActionRequired.class, PaymentAuthorized.class);
        assertThat(Scenario.ledger(id, LedgerOperation.CANCEL)).isEmpty();
    }

    /**
     * The race the first fix leaves: the give-up's inquiry gets no answer, so the reconciler cancels, but Antom had
     * authorized and captured the payment meanwhile and refuses the cancel. The refusal sends the payment back to
     * inquiry (AUTH_UNKNOWN) instead of ending it CANCEL_FAILED, and the next inquiry finds the authorization.
     */
    @Test
    void aRefusedGiveUpCancelSendsThePaymentBackToInquiry() throws Exception {
        String id = Commands.newPaymentRequestId("give-up-refused");
        scenario.send(Commands.authorize(id, infra.cardToken, 4800, io.holdfast.schemas.common.CaptureMode.AUTOMATIC,
                "SANDBOX_3DS"));
        scenario.awaitStatus(id, PaymentStatus.AUTH_PENDING);
        PaymentActionRequired action = (PaymentActionRequired) scenario.awaitEvents(id, PaymentActionRequired.class)
                .get(0).getPayload();
        HttpResponse<String> buyer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(action.getRedirectUrl() + "/complete"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(buyer.statusCode()).isEqualTo(303);
        infra.sandbox.control().injectFault(FaultSpec.next(Api.INQUIRY_PAYMENT, FaultKind.UNKNOWN_EXCEPTION, 1));

        clock.advance(Duration.ofHours(1).plusSeconds(1));
        scenario.awaitStatus(id, PaymentStatus.AUTH_UNKNOWN);
        assertThat(Scenario.ledger(id, LedgerOperation.CANCEL)).hasSize(1);

        clock.advance(Duration.ofHours(3));
        PaymentQueries.PaymentView view = scenario.awaitStatus(id, PaymentStatus.AUTHORIZED);
        assertThat(view.timeline().get(view.timeline().size() - 1).cause().kind()).isEqualTo(Cause.Kind.INQUIRY);
        assertThat(scenario.awaitEvents(id, PaymentActionRequired.class, PaymentAuthorized.class))
                .extracting(event -> event.getPayload().getClass().getSimpleName())
                .containsExactly("PaymentActionRequired", "PaymentAuthorized");
    }
}
