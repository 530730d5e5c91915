package io.holdfast.alipay.sandbox.contract;

import static io.holdfast.alipay.sandbox.contract.ContractRequests.DECLINED_VISA;
import static io.holdfast.alipay.sandbox.contract.ContractRequests.RISK_REJECT_AMOUNT;
import static io.holdfast.alipay.sandbox.contract.ContractRequests.VISA;
import static io.holdfast.alipay.sandbox.contract.ContractRequests.capture;
import static io.holdfast.alipay.sandbox.contract.ContractRequests.card;
import static io.holdfast.alipay.sandbox.contract.ContractRequests.cardPay;
import static io.holdfast.alipay.sandbox.contract.ContractRequests.id;
import static io.holdfast.alipay.sandbox.contract.ContractRequests.pay;
import static io.holdfast.alipay.sandbox.contract.ContractRequests.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.holdfast.alipay.client.AlipayClient;
import io.holdfast.alipay.client.AlipayJson;
import io.holdfast.alipay.client.AlipayOutcome;
import io.holdfast.alipay.client.AlipayOutcome.Failed;
import io.holdfast.alipay.client.AlipayOutcome.InProcess;
import io.holdfast.alipay.client.AlipayOutcome.Succeeded;
import io.holdfast.alipay.client.AlipayOutcome.Unknown;
import io.holdfast.alipay.client.ResultCode;
import io.holdfast.alipay.client.ResultCode.Action;
import io.holdfast.alipay.client.UnknownReason;
import io.holdfast.alipay.client.model.Amount;
import io.holdfast.alipay.client.model.Buyer;
import io.holdfast.alipay.client.model.CancelRequest;
import io.holdfast.alipay.client.model.CancelResponse;
import io.holdfast.alipay.client.model.CaptureMode;
import io.holdfast.alipay.client.model.CaptureRequest;
import io.holdfast.alipay.client.model.CaptureResponse;
import io.holdfast.alipay.client.model.CaptureResultNotification;
import io.holdfast.alipay.client.model.ConsultRequest;
import io.holdfast.alipay.client.model.ConsultResponse;
import io.holdfast.alipay.client.model.Env;
import io.holdfast.alipay.client.model.InquiryPaymentRequest;
import io.holdfast.alipay.client.model.InquiryPaymentResponse;
import io.holdfast.alipay.client.model.InquiryRefundRequest;
import io.holdfast.alipay.client.model.InquiryRefundResponse;
import io.holdfast.alipay.client.model.Order;
import io.holdfast.alipay.client.model.PayRequest;
import io.holdfast.alipay.client.model.PayResponse;
import io.holdfast.alipay.client.model.PaymentMethod;
import io.holdfast.alipay.client.model.PaymentResultNotification;
import io.holdfast.alipay.client.model.PaymentStatus;
import io.holdfast.alipay.client.model.RefundRequest;
import io.holdfast.alipay.client.model.RefundResultNotification;
import io.holdfast.alipay.client.model.RefundStatus;
import io.holdfast.alipay.client.model.ResultStatus;
import io.holdfast.alipay.client.model.Transaction;
import io.holdfast.alipay.client.model.TransactionStatus;
import io.holdfast.alipay.client.model.TransactionType;
import io.holdfast.alipay.client.model.VaultCard;
import io.holdfast.alipay.client.model.VaultPaymentMethodRequest;
import io.holdfast.alipay.client.model.VaultPaymentMethodResponse;
import io.holdfast.alipay.client.notification.NotificationVerification;
import io.holdfast.alipay.client.signing.AlipayKeys;
import io.holdfast.alipay.client.signing.Signer;
import io.holdfast.alipay.sandbox.SandboxControl;
import io.holdfast.alipay.sandbox.contract.ContractWebhook.Received;
import io.holdfast.alipay.sandbox.core.Api;
import io.holdfast.alipay.sandbox.core.LedgerOperation;
import io.holdfast.alipay.sandbox.fault.FaultKind;
import io.holdfast.alipay.sandbox.fault.FaultSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

/**
 * The Antom contract (STYLE.md point 11), driven through the real {@link AlipayClient}: request signing, response
 * verification and outcome classification against whichever Antom a subclass points the client at. Scenarios
 * that need the emulator's controls (moving the clock, faults, the ledger, sandbox triggers) run only when
 * {@link #sandbox()} is present, so the same suite can later run against Antom's own sandbox.
 *
 * <p>Subclasses provide a client, a notification endpoint reachable by the Antom under test and, for the
 * emulator, its control handle. Every test makes its own payments, so the order of tests does not matter.
 */
public abstract class AlipayContract {

    static final Duration CALL = Duration.ofSeconds(30);
    /** The emulator under this suite completes asynchronous captures after this much sandbox time. */
    public static final Duration ASYNC_CAPTURE_DELAY = Duration.ofHours(1);

    /** A client for the merchant that Antom knows, configured for the target (base URL, keys, TLS). */
    protected abstract AlipayClient client();

    /** A client configured like {@link #client()} but signing with {@code signer}, a key Antom does not know. */
    protected abstract AlipayClient clientSigningWith(Signer signer);

    /** Where Antom posts notifications for this suite's payments. */
    protected abstract ContractWebhook webhook();

    /** The emulator's controls; empty against a real Antom. */
    protected abstract Optional<SandboxControl> sandbox();

    // ----- consult and authorization ------------------------------------------------------------------------

    @Test
    void consultOffersCards() {
        ConsultResponse response = succeeded(client().consult(ConsultRequest.cashier(usd(4200), Env.web("1.2.3.4"))));

        assertThat(response.paymentOptions()).anySatisfy(option -> assertThat(option.paymentMethodType())
                .isEqualTo("CARD"));
    }

    @Test
    void automaticPaySucceedsThenNotifiesPaymentAndCapture() {
        String requestId = id("auto");
        PayResponse pay = succeeded(client().pay(cardPay(requestId, 1999, VISA, CaptureMode.AUTOMATIC,
                webhook().url())));

        assertThat(pay.paymentRequestId()).isEqualTo(requestId);
        assertThat(pay.paymentAmount()).isEqualTo(usd(1999));
        assertThat(pay.paymentResultInfo().cardNo()).doesNotContain("4054695723100768").endsWith("0768");
        List<Received> notifications = webhook().await(pay.paymentId(), 2);
        assertThat(notifications).allSatisfy(n -> assertThat(n.verification())
                .isInstanceOf(NotificationVerification.Verified.class));
        PaymentResultNotification paid = notifications.get(0).as(PaymentResultNotification.class);
        assertThat(paid.notifyType()).isEqualTo(PaymentResultNotification.PAYMENT_RESULT);
        assertThat(paid.result().resultStatus()).isEqualTo(ResultStatus.S);
        assertThat(paid.paymentRequestId()).isEqualTo(requestId);
        CaptureResultNotification captured = notifications.get(1).as(CaptureResultNotification.class);
        assertThat(captured.notifyType()).isEqualTo(CaptureResultNotification.CAPTURE_RESULT);
        assertThat(captured.result().resultStatus()).isEqualTo(ResultStatus.S);
        assertThat(captured.captureAmount()).isEqualTo(usd(1999));
        assertThat(captured.captureId()).isNotBlank();
    }

    @Test
    void manualPayThenCaptureOfTheExactAmountShowsInInquiry() {
        String requestId = id("manual");
        PayResponse pay = succeeded(client().pay(cardPay(requestId, 2500, VISA, CaptureMode.MANUAL, webhook().url())));
        assertThat(pay.authExpiryTime()).isNotBlank();
        InquiryPaymentResponse authorized = succeeded(client().inquiryPayment(
                InquiryPaymentRequest.byPaymentRequestId(requestId)));
        assertThat(authorized.paymentStatus()).isEqualTo(PaymentStatus.SUCCESS);
        assertThat(authorized.transactions()).noneMatch(t -> t.transactionType() == TransactionType.CAPTURE);

        CaptureRequest request = capture(pay.paymentId(), 2500);
        CaptureResponse captured = succeeded(client().capture(request));

        assertThat(captured.captureRequestId()).isEqualTo(request.captureRequestId());
        assertThat(captured.captureAmount()).isEqualTo(usd(2500));
        InquiryPaymentResponse inquiry = succeeded(client().inquiryPayment(
                InquiryPaymentRequest.byPaymentId(pay.paymentId())));
        assertThat(inquiry.paymentStatus()).isEqualTo(PaymentStatus.SUCCESS);
        assertThat(inquiry.paymentId()).isEqualTo(pay.paymentId());
        Transaction transaction = captureTransaction(inquiry);
        assertThat(transaction.transactionStatus()).isEqualTo(TransactionStatus.SUCCESS);
        assertThat(transaction.transactionId()).isEqualTo(captured.captureId());
        assertThat(transaction.transactionRequestId()).isEqualTo(request.captureRequestId());
        assertThat(transaction.transactionAmount()).isEqualTo(usd(2500));
        List<Received> notifications = webhook().await(pay.paymentId(), 2);
        assertThat(notifications.get(1).as(CaptureResultNotification.class).captureId())
                .isEqualTo(captured.captureId());
    }

    @Test
    void aCaptureOfAnotherAmountFails() {
        PayResponse pay = succeeded(client().pay(cardPay(id("amount"), 3000, VISA, CaptureMode.MANUAL, null)));

        Failed<CaptureResponse> over = failed(client().capture(capture(pay.paymentId(), 3001)));
        assertThat(over.code()).isEqualTo(ResultCode.CAPTURE_AMOUNT_EXCEED_AUTH_LIMIT);
        assertThat(over.action()).isEqualTo(Action.FIX_REQUEST);
        Failed<CaptureResponse> other = failed(client().capture(CaptureRequest.of(id("cap"), pay.paymentId(),
                Amount.ofMinor("EUR", 3000))));
        assertThat(other.code()).isEqualTo(ResultCode.CURRENCY_NOT_SUPPORT);
        if (sandbox().isPresent()) {
            // the emulator's strict mode (UNCONFIRMED code): Holdfast captures exactly the authorized amount
            Failed<CaptureResponse> under = failed(client().capture(capture(pay.paymentId(), 2999)));
            assertThat(under.code()).isEqualTo(ResultCode.PARAM_ILLEGAL);
            assertThat(under.action()).isEqualTo(Action.FIX_REQUEST);
        }
        succeeded(client().capture(capture(pay.paymentId(), 3000)));
        Failed<CaptureResponse> again = failed(client().capture(capture(pay.paymentId(), 3000)));
        assertThat(again.code()).isEqualTo(ResultCode.MULTI_CAPTURE_NOT_SUPPORTED);
    }

    @Test
    void aCaptureAfterSevenDaysIsExpired() {
        SandboxControl sandbox = requireSandbox();
        PayResponse pay = succeeded(client().pay(cardPay(id("expiry"), 4000, VISA, CaptureMode.MANUAL, null)));

        sandbox.advanceClock(Duration.ofDays(7).plusMinutes(1));

        Failed<CaptureResponse> late = failed(client().capture(capture(pay.paymentId(), 4000)));
        assertThat(late.code()).isEqualTo(ResultCode.AUTH_EXPIRED);
        assertThat(late.action()).isEqualTo(Action.NEW_REQUEST_ID);
        InquiryPaymentResponse inquiry = succeeded(client().inquiryPayment(
                InquiryPaymentRequest.byPaymentId(pay.paymentId())));
        assertThat(inquiry.paymentStatus()).isEqualTo(PaymentStatus.CANCELLED);
        assertThat(inquiry.transactions()).anyMatch(t -> t.transactionType() == TransactionType.VOID);
    }

    @Test
    void cancelSucceedsOnceAndThenCaptureIsRefused() {
        String requestId = id("cancel");
        PayResponse pay = succeeded(client().pay(cardPay(requestId, 5000, VISA, CaptureMode.MANUAL, null)));

        CancelResponse cancelled = succeeded(client().cancel(CancelRequest.byPaymentId(pay.paymentId())));
        CancelResponse again = succeeded(client().cancel(CancelRequest.byPaymentRequestId(requestId)));

        assertThat(cancelled.paymentId()).isEqualTo(pay.paymentId());
        assertThat(again.cancelTime()).isEqualTo(cancelled.cancelTime());
        Failed<CaptureResponse> capture = failed(client().capture(capture(pay.paymentId(), 5000)));
        assertThat(capture.code()).isEqualTo(ResultCode.AUTH_CANCELLED);
        assertThat(capture.action()).isEqualTo(Action.NEW_REQUEST_ID);
        InquiryPaymentResponse inquiry = succeeded(client().inquiryPayment(
                InquiryPaymentRequest.byPaymentId(pay.paymentId())));
        assertThat(inquiry.paymentStatus()).isEqualTo(PaymentStatus.CANCELLED);
        sandbox().ifPresent(sandbox -> assertThat(sandbox.ledger()).filteredOn(e -> e.operation()
                == LedgerOperation.CANCEL && pay.paymentId().equals(e.paymentId()) && !e.replay()).hasSize(1));
    }

    @Test
    void threeDsIsInProcessWithANormalUrl() throws Exception {
        String requestId = id("3ds");
        PayRequest request = pay(requestId, usd(6000), PaymentMethod.card(card(VISA).with3DS(true)),
                CaptureMode.MANUAL, webhook().url());

        AlipayOutcome<PayResponse> outcome = client().pay(request).block(CALL);

        assertThat(outcome).isInstanceOf(InProcess.class);
        InProcess<PayResponse> inProcess = (InProcess<PayResponse>) outcome;
        assertThat(inProcess.redirect().normalUrl()).isNotBlank();
        assertThat(inProcess.response().result().resultCode()).isEqualTo("PAYMENT_IN_PROCESS");
        String paymentId = inProcess.response().paymentId();
        InquiryPaymentResponse pending = succeeded(client().inquiryPayment(
                InquiryPaymentRequest.byPaymentRequestId(requestId)));
        assertThat(pending.paymentStatus()).isEqualTo(PaymentStatus.PROCESSING);
        if (sandbox().isEmpty()) {
            return;
        }
        HttpResponse<Void> completed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(inProcess.redirect().normalUrl() + "/complete")).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.discarding());
        assertThat(completed.statusCode()).isEqualTo(303);
        PaymentResultNotification paid = webhook().await(paymentId, 1).get(0).as(PaymentResultNotification.class);
        assertThat(paid.result().resultStatus()).isEqualTo(ResultStatus.S);
        assertThat(succeeded(client().inquiryPayment(InquiryPaymentRequest.byPaymentId(paymentId))).paymentStatus())
                .isEqualTo(PaymentStatus.SUCCESS);
    }

    // ----- asynchronous capture (U/CAPTURE_IN_PROCESS) ------------------------------------------------------

    @Test
    void anAsynchronousCaptureIsInProcessUntilItCompletesThenNotifies() {
        SandboxControl sandbox = requireSandbox();
        String requestId = id("async");
        PayResponse pay = succeeded(client().pay(pay(requestId, "SANDBOX_ASYNC_CAPTURE_" + requestId, usd(9000),
                PaymentMethod.card(card(VISA)), CaptureMode.MANUAL, webhook().url())));
        webhook().await(pay.paymentId(), 1);
        CaptureRequest request = capture(pay.paymentId(), 9000);

        InProcess<CaptureResponse> first = inProcess(client().capture(request));
        InProcess<CaptureResponse> repeat = inProcess(client().capture(request));

        assertThat(first.response().result().resultCode()).isEqualTo("CAPTURE_IN_PROCESS");
        assertThat(first.redirect().isEmpty()).isTrue();
        assertThat(repeat.response().captureRequestId()).isEqualTo(request.captureRequestId());
        InquiryPaymentResponse processing = succeeded(client().inquiryPayment(
                InquiryPaymentRequest.byPaymentId(pay.paymentId())));
        assertThat(processing.paymentStatus()).isEqualTo(PaymentStatus.SUCCESS);
        assertThat(captureTransaction(processing).transactionStatus()).isEqualTo(TransactionStatus.PROCESSING);
        assertThat(failed(client().cancel(CancelRequest.byPaymentId(pay.paymentId()))).code())
                .isEqualTo(ResultCode.ORDER_STATUS_INVALID);
        assertThat(webhook().forPayment(pay.paymentId())).hasSize(1);

        sandbox.advanceClock(ASYNC_CAPTURE_DELAY);

        CaptureResultNotification notified = webhook().await(pay.paymentId(), 2).get(1)
                .as(CaptureResultNotification.class);
        assertThat(notified.result().resultStatus()).isEqualTo(ResultStatus.S);
        assertThat(notified.captureRequestId()).isEqualTo(request.captureRequestId());
        Transaction done = captureTransaction(succeeded(client().inquiryPayment(
                InquiryPaymentRequest.byPaymentId(pay.paymentId()))));
        assertThat(done.transactionStatus()).isEqualTo(TransactionStatus.SUCCESS);
        assertThat(done.transactionId()).isEqualTo(notified.captureId());
        CaptureResponse replayed = succeeded(client().capture(request));
        assertThat(replayed.captureId()).isEqualTo(notified.captureId());
        assertThat(replayed.captureTime()).isEqualTo(notified.captureTime());
    }

    @Test
    void theCaptureInProcessFaultCompletesOnAControlCall() {
        SandboxControl sandbox = requireSandbox();
        String requestId = id("capinproc");
        PayResponse pay = succeeded(client().pay(cardPay(requestId, 9100, VISA, CaptureMode.MANUAL,
                webhook().url())));
        CaptureRequest request = capture(pay.paymentId(), 9100);
        sandbox.injectFault(FaultSpec.next(Api.CAPTURE, FaultKind.CAPTURE_IN_PROCESS, 1));

        inProcess(client().capture(request));
        inProcess(client().capture(request));
        assertThat(sandbox.completePendingCaptures()).isEqualTo(1);

        CaptureResponse captured = succeeded(client().capture(request));
        assertThat(webhook().await(pay.paymentId(), 2).get(1).as(CaptureResultNotification.class).captureId())
                .isEqualTo(captured.captureId());
        assertThat(ContractLedger.applied(sandbox, LedgerOperation.CAPTURE_COMPLETED, requestId)).isEqualTo(1);
        assertThat(ContractLedger.applied(sandbox, LedgerOperation.CAPTURE, requestId)).isZero();
    }

    // ----- refunds (antom-refunds.md) ------------------------------------------------------------------------

    @Test
    void aPartialRefundIsInProcessThenNotifiedAndTheRestIsRefundableOnlyOnce() {
        SandboxControl sandbox = requireSandbox();
        PayResponse pay = succeeded(client().pay(cardPay(id("refund"), 3000, VISA, CaptureMode.MANUAL,
                webhook().url())));
        succeeded(client().capture(capture(pay.paymentId(), 3000)));
        RefundRequest partial = RefundRequest.of(id("ref"), pay.paymentId(), usd(1000), "missing part", null);

        assertThat(inProcess(client().refund(partial)).response().result().resultCode())
                .isEqualTo("REFUND_IN_PROCESS");
        assertThat(succeeded(client().inquiryRefund(InquiryRefundRequest.byRefundRequestId(
                partial.refundRequestId()))).refundStatus()).isEqualTo(RefundStatus.PROCESSING);
        Failed<?> over = failed(client().refund(RefundRequest.of(id("ref"), pay.paymentId(), usd(2001), null, null)));
        assertThat(over.code()).isEqualTo(ResultCode.REFUND_AMOUNT_EXCEED);
        assertThat(over.action()).isEqualTo(Action.FIX_REQUEST);
        sandbox.completePendingRefunds();

        Received received = webhook().awaitRefund(partial.refundRequestId());
        assertThat(received.verification()).isInstanceOf(NotificationVerification.Verified.class);
        RefundResultNotification notified = received.as(RefundResultNotification.class);
        assertThat(notified.refundStatus()).isEqualTo(RefundStatus.SUCCESS);
        InquiryRefundResponse done = succeeded(client().inquiryRefund(InquiryRefundRequest.byRefundRequestId(
                partial.refundRequestId())));
        assertThat(done.refundStatus()).isEqualTo(RefundStatus.SUCCESS);
        assertThat(done.refundId()).isEqualTo(notified.refundId());
        assertThat(inquiryRefundTransactions(pay.paymentId())).hasSize(1);
        inProcess(client().refund(RefundRequest.of(id("ref"), pay.paymentId(), usd(2000), null, null)));
        assertThat(failed(client().refund(RefundRequest.of(id("ref"), pay.paymentId(), usd(1), null, null))).code())
                .isEqualTo(ResultCode.REFUND_AMOUNT_EXCEED);
        assertThat(failed(client().refund(RefundRequest.of(partial.refundRequestId(), pay.paymentId(), usd(999),
                null, null))).code()).isEqualTo(ResultCode.REPEAT_REQ_INCONSISTENT);
    }

    @Test
    void aRefundBeforeCaptureIsRefusedWithOrderStatusInvalid() {
        PayResponse pay = succeeded(client().pay(cardPay(id("refund"), 3100, VISA, CaptureMode.MANUAL, null)));
        assertThat(failed(client().refund(RefundRequest.of(id("ref"), pay.paymentId(), usd(3100), null, null)))
                .code()).isEqualTo(ResultCode.ORDER_STATUS_INVALID);
    }

    private List<Transaction> inquiryRefundTransactions(String paymentId) {
        return succeeded(client().inquiryPayment(InquiryPaymentRequest.byPaymentId(paymentId))).transactions()
                .stream().filter(t -> t.transactionType() == TransactionType.REFUND).toList();
    }

    // ----- declines -----------------------------------------------------------------------------------------

    @Test
    void theDocumentedDeclineCardAndRiskAmountAreDeclined() {
        Failed<PayResponse> card = failed(client().pay(cardPay(id("dnh"), 1000, DECLINED_VISA, CaptureMode.MANUAL,
                null)));
        assertThat(card.code()).isEqualTo(ResultCode.DO_NOT_HONOR);
        assertThat(card.action()).isEqualTo(Action.DECLINED);

        Failed<PayResponse> risk = failed(client().pay(cardPay(id("risk"), RISK_REJECT_AMOUNT, VISA,
                CaptureMode.MANUAL, null)));
        assertThat(risk.code()).isEqualTo(ResultCode.RISK_REJECT);
        assertThat(risk.action()).isEqualTo(Action.DECLINED);
    }

    @ParameterizedTest
    @CsvSource({
        "DO_NOT_HONOR, DECLINED",
        "USER_BALANCE_NOT_ENOUGH, DECLINED",
        "FRAUD_REJECT, DECLINED",
        "CARD_EXPIRED, DECLINED",
        "AUTHENTICATION_REQUIRED, RETRY_WITH_3DS",
        "PROCESS_FAIL, DO_NOT_RETRY",
        "SYSTEM_ERROR, DO_NOT_RETRY",
        "PAYMENT_AMOUNT_EXCEED_LIMIT, FIX_REQUEST",
        "INVALID_MERCHANT_STATUS, CONTACT_SUPPORT",
        "SETTLE_CONTRACT_NOT_MATCH, FIX_CONFIGURATION",
    })
    void aDeclineTriggerFailsWithItsCodeAndAction(ResultCode code, Action action) {
        requireSandbox();
        String requestId = id("decline");
        Failed<PayResponse> declined = failed(client().pay(pay(requestId, "SANDBOX_DECLINE_" + code.name() + "_1",
                usd(1000), PaymentMethod.card(card(VISA)), CaptureMode.MANUAL, null)));

        assertThat(declined.code()).isEqualTo(code);
        assertThat(declined.rawCode()).isEqualTo(code.name());
        assertThat(declined.action()).isEqualTo(action);
        InquiryPaymentResponse inquiry = succeeded(client().inquiryPayment(
                InquiryPaymentRequest.byPaymentRequestId(requestId)));
        assertThat(inquiry.paymentStatus()).isEqualTo(PaymentStatus.FAIL);
        assertThat(inquiry.paymentResultCode()).isEqualTo(code.name());
    }

    @Test
    void everyDeclineTheSandboxCanAnswerIsInTheClientsCatalogue() {
        requireSandbox();
        for (io.holdfast.alipay.sandbox.core.DeclineCode decline : io.holdfast.alipay.sandbox.core.DeclineCode.values()) {
            Failed<PayResponse> declined = failed(client().pay(cardPay(id("code"), decline.triggerAmount(), VISA,
                    CaptureMode.MANUAL, null)));
            assertThat(declined.code()).as(decline.name()).isNotEqualTo(ResultCode.UNKNOWN_RESULT_CODE);
            assertThat(declined.rawCode()).isEqualTo(decline.name());
        }
    }

    // ----- request shape, signatures, vault, idempotency ----------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"productCode", "order.referenceOrderId", "order.orderDescription", "order.orderAmount",
        "paymentAmount", "paymentMethod", "paymentRedirectUrl", "env", "env.terminalType"})
    void theClientAndAntomAgreeOnEveryRequiredPayField(String path) {
        PayRequest complete = cardPay(id("required"), 1000, VISA, CaptureMode.MANUAL, null);
        assertThat(complete.missingRequiredFields()).isEmpty();
        PayRequest incomplete = ContractRequests.without(complete, path);

        assertThat(incomplete.missingRequiredFields()).containsExactly(path);
        Failed<PayResponse> refused = failed(client().pay(incomplete));

        assertThat(refused.code()).isEqualTo(ResultCode.PARAM_ILLEGAL);
        if (sandbox().isPresent()) {
            assertThat(refused.message()).startsWith(path);
        }
        assertThat(AlipayJson.mapper().writeValueAsString(complete)).doesNotContain("missingRequiredFields");
    }

    @Test
    void theClientAndAntomAgreeOnEveryRequiredCaptureField() {
        PayResponse pay = succeeded(client().pay(cardPay(id("reqcap"), 1000, VISA, CaptureMode.MANUAL, null)));
        CaptureRequest complete = capture(pay.paymentId(), 1000);
        assertThat(complete.missingRequiredFields()).isEmpty();
        List<CaptureRequest> incomplete = List.of(
                new CaptureRequest(null, complete.paymentId(), complete.captureAmount(), null),
                new CaptureRequest(complete.captureRequestId(), null, complete.captureAmount(), null),
                new CaptureRequest(complete.captureRequestId(), complete.paymentId(), null, null));

        for (CaptureRequest request : incomplete) {
            assertThat(request.missingRequiredFields()).hasSize(1);
            assertThat(failed(client().capture(request)).code()).isEqualTo(ResultCode.PARAM_ILLEGAL);
        }
        succeeded(client().capture(complete));
    }

    @Test
    void aPayWithoutTheRequiredOrderFieldsIsRefused() {
        Amount amount = usd(1000);
        PayRequest request = PayRequest.card(id("noorder"), Order.of("ORD_1", null, null, Buyer.of("U1")), amount,
                PaymentMethod.card(card(VISA)), CaptureMode.MANUAL, ContractRequests.RETURN_URL, Env.web("1.2.3.4"));

        Failed<PayResponse> refused = failed(client().pay(request));

        assertThat(refused.code()).isEqualTo(ResultCode.PARAM_ILLEGAL);
        assertThat(refused.action()).isEqualTo(Action.FIX_REQUEST);
    }

    @Test
    void aRequestSignedWithAnUnknownKeyFailsWithInvalidSignature() {
        try (AlipayClient stranger = clientSigningWith(new Signer(AlipayKeys.generate(new SecureRandom())
                .getPrivate(), 1))) {
            Failed<PayResponse> refused = failed(stranger.pay(cardPay(id("badsig"), 1000, VISA, CaptureMode.MANUAL,
                    null)));

            assertThat(refused.code()).isIn(ResultCode.INVALID_SIGNATURE, ResultCode.SIGNATURE_INVALID);
            assertThat(refused.action()).isEqualTo(Action.FIX_CONFIGURATION);
        }
    }

    @Test
    void aVaultedCardTokenPaysLikeTheCard() {
        VaultPaymentMethodResponse vaulted = succeeded(client().vaultPaymentMethod(VaultPaymentMethodRequest.card(
                id("vault"), webhook().url(), "https://merchant.example/vaulted",
                VaultCard.of(VISA, "123", "29", "12", null, null), Env.web("1.2.3.4"))));
        String token = vaulted.paymentMethodDetail().card().cardToken();
        assertThat(token).isNotBlank();

        PayResponse pay = succeeded(client().pay(pay(id("token"), usd(1500), PaymentMethod.cardToken(token),
                CaptureMode.MANUAL, null)));

        assertThat(pay.paymentResultInfo().cardToken()).isEqualTo(token);
        assertThat(pay.paymentResultInfo().lastFour()).isEqualTo("0768");
        succeeded(client().capture(capture(pay.paymentId(), 1500)));
    }

    @Test
    void repeatsReplayTheFirstResultAndApplyOnce() {
        String requestId = id("replay");
        PayRequest request = cardPay(requestId, 7000, VISA, CaptureMode.MANUAL, null);
        PayResponse first = succeeded(client().pay(request));
        PayResponse second = succeeded(client().pay(request));
        assertThat(second.paymentId()).isEqualTo(first.paymentId());
        assertThat(second.paymentTime()).isEqualTo(first.paymentTime());

        CaptureRequest capture = capture(first.paymentId(), 7000);
        CaptureResponse captured = succeeded(client().capture(capture));
        CaptureResponse replayed = succeeded(client().capture(capture));
        assertThat(replayed.captureId()).isEqualTo(captured.captureId());

        Failed<PayResponse> inconsistent = failed(client().pay(cardPay(requestId, 7001, VISA, CaptureMode.MANUAL,
                null)));
        assertThat(inconsistent.code()).isEqualTo(ResultCode.REPEAT_REQ_INCONSISTENT);
        sandbox().ifPresent(sandbox -> {
            assertThat(ContractLedger.applied(sandbox, LedgerOperation.PAY, requestId)).isEqualTo(1);
            assertThat(ContractLedger.applied(sandbox, LedgerOperation.CAPTURE, requestId)).isEqualTo(1);
        });
    }

    // ----- faults: every kind maps to the outcome class a service must handle --------------------------------

    @ParameterizedTest
    @EnumSource(value = FaultKind.class, names = {"UNKNOWN_EXCEPTION", "HTTP_5XX", "CONNECTION_RESET",
        "UNSIGNED_RESPONSE", "WRONG_SIGNATURE"})
    void aFaultIsAnUnknownOutcomeThatARetryWithTheSameIdResolves(FaultKind kind) {
        SandboxControl sandbox = requireSandbox();
        String requestId = id("fault");
        PayRequest request = cardPay(requestId, 8000, VISA, CaptureMode.MANUAL, null);
        sandbox.injectFault(FaultSpec.next(Api.PAY, kind, 1));

        AlipayOutcome<PayResponse> outcome = client().pay(request).block(CALL);

        assertThat(outcome).isInstanceOfSatisfying(Unknown.class,
                unknown -> assertThat(unknown.reason()).isEqualTo(expectedReason(kind)));
        PayResponse retried = succeeded(client().pay(request));
        assertThat(retried.paymentRequestId()).isEqualTo(requestId);
        assertThat(ContractLedger.applied(sandbox, LedgerOperation.PAY, requestId)).isEqualTo(1);
    }

    @Test
    void applyThenTimeoutIsUnknownButAppliedOnceAndFoundByInquiry() {
        SandboxControl sandbox = requireSandbox();
        String requestId = id("timeout");
        sandbox.injectFault(FaultSpec.next(Api.PAY, FaultKind.APPLY_THEN_TIMEOUT, 1).withLatency(Duration.ofMinutes(1)));

        AlipayOutcome<PayResponse> outcome = client().pay(cardPay(requestId, 8100, VISA, CaptureMode.MANUAL, null))
                .block(CALL);

        assertThat(outcome).isInstanceOfSatisfying(Unknown.class,
                unknown -> assertThat(unknown.reason()).isEqualTo(expectedReason(FaultKind.APPLY_THEN_TIMEOUT)));
        assertThat(ContractLedger.applied(sandbox, LedgerOperation.PAY, requestId)).isEqualTo(1);
        InquiryPaymentResponse inquiry = succeeded(client().inquiryPayment(
                InquiryPaymentRequest.byPaymentRequestId(requestId)));
        assertThat(inquiry.paymentStatus()).isEqualTo(PaymentStatus.SUCCESS);
        succeeded(client().capture(capture(inquiry.paymentId(), 8100)));
    }

    @Test
    void latencyWithinTheTimeoutIsStillASuccess() {
        SandboxControl sandbox = requireSandbox();
        sandbox.injectFault(FaultSpec.next(Api.INQUIRY_PAYMENT, FaultKind.LATENCY, 1)
                .withLatency(Duration.ofMillis(300)));
        PayResponse pay = succeeded(client().pay(cardPay(id("slow"), 8200, VISA, CaptureMode.MANUAL, null)));

        assertThat(succeeded(client().inquiryPayment(InquiryPaymentRequest.byPaymentId(pay.paymentId())))
                .paymentStatus()).isEqualTo(PaymentStatus.SUCCESS);
    }

    @Test
    void anUnknownCaptureIsResolvedByRetryingTheSameCaptureRequestId() {
        SandboxControl sandbox = requireSandbox();
        PayResponse pay = succeeded(client().pay(cardPay(id("capfault"), 8300, VISA, CaptureMode.MANUAL, null)));
        CaptureRequest request = capture(pay.paymentId(), 8300);
        sandbox.injectFault(FaultSpec.next(Api.CAPTURE, FaultKind.WRONG_SIGNATURE, 1));

        assertThat(client().capture(request).block(CALL)).isInstanceOf(Unknown.class);
        CaptureResponse captured = succeeded(client().capture(request));

        assertThat(captured.captureRequestId()).isEqualTo(request.captureRequestId());
        assertThat(ContractLedger.applied(sandbox, LedgerOperation.CAPTURE, pay.paymentRequestId())).isEqualTo(1);
    }

    /** The outcome a service sees for each fault; exhaustive, so a new fault kind must say what it means. */
    static UnknownReason expectedReason(FaultKind kind) {
        return switch (kind) {
            case UNKNOWN_EXCEPTION -> UnknownReason.ALIPAY_RESULT_UNKNOWN;
            case APPLY_THEN_TIMEOUT -> UnknownReason.TIMEOUT;
            case HTTP_5XX -> UnknownReason.HTTP_STATUS;
            case LATENCY -> throw new IllegalArgumentException("LATENCY within the timeout is not an unknown outcome");
            case CONNECTION_RESET -> UnknownReason.CONNECTION_LOST;
            case UNSIGNED_RESPONSE, WRONG_SIGNATURE -> UnknownReason.UNVERIFIED_RESPONSE;
            case CAPTURE_IN_PROCESS -> throw new IllegalArgumentException("CAPTURE_IN_PROCESS is InProcess, not unknown");
        };
    }

    // ----- helpers ------------------------------------------------------------------------------------------

    protected SandboxControl requireSandbox() {
        assumeThat(sandbox()).as("needs the emulator's controls").isPresent();
        return sandbox().orElseThrow();
    }

    static <R> R succeeded(Mono<AlipayOutcome<R>> call) {
        AlipayOutcome<R> outcome = call.block(CALL);
        assertThat(outcome).isInstanceOf(Succeeded.class);
        return ((Succeeded<R>) outcome).response();
    }

    static <R> Failed<R> failed(Mono<AlipayOutcome<R>> call) {
        AlipayOutcome<R> outcome = call.block(CALL);
        assertThat(outcome).isInstanceOf(Failed.class);
        return (Failed<R>) outcome;
    }

    static <R> InProcess<R> inProcess(Mono<AlipayOutcome<R>> call) {
        AlipayOutcome<R> outcome = call.block(CALL);
        assertThat(outcome).isInstanceOf(InProcess.class);
        return (InProcess<R>) outcome;
    }

    static Transaction captureTransaction(InquiryPaymentResponse inquiry) {
        assertThat(inquiry.transactions()).filteredOn(t -> t.transactionType() == TransactionType.CAPTURE).hasSize(1);
        return inquiry.transactions().stream().filter(t -> t.transactionType() == TransactionType.CAPTURE)
                .findFirst().orElseThrow();
    }
}
