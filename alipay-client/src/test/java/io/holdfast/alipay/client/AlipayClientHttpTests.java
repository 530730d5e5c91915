package io.holdfast.alipay.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.alipay.client.AlipayClientProperties.Timeouts;
import io.holdfast.alipay.client.AlipayClientProperties.Tls;
import io.holdfast.alipay.client.AlipayOutcome.Failed;
import io.holdfast.alipay.client.AlipayOutcome.InProcess;
import io.holdfast.alipay.client.AlipayOutcome.NotSent;
import io.holdfast.alipay.client.AlipayOutcome.Succeeded;
import io.holdfast.alipay.client.AlipayOutcome.Unknown;
import io.holdfast.alipay.client.FakeAntom.Mode;
import io.holdfast.alipay.client.FakeAntom.Reply;
import io.holdfast.alipay.client.model.Amount;
import io.holdfast.alipay.client.model.CancelRequest;
import io.holdfast.alipay.client.model.CaptureRequest;
import io.holdfast.alipay.client.model.ConsultRequest;
import io.holdfast.alipay.client.model.ConsultResponse;
import io.holdfast.alipay.client.model.Env;
import io.holdfast.alipay.client.model.InquiryPaymentRequest;
import io.holdfast.alipay.client.model.InquiryPaymentResponse;
import io.holdfast.alipay.client.model.PayResponse;
import io.holdfast.alipay.client.model.PaymentStatus;
import io.holdfast.alipay.client.model.TransactionType;
import io.holdfast.alipay.client.model.VaultCard;
import io.holdfast.alipay.client.model.VaultPaymentMethodRequest;
import io.holdfast.alipay.client.signing.SignatureCheck;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.netty.http.HttpResources;

/** The client over real HTTP against {@link FakeAntom}: signing on the wire and every outcome class. */
class AlipayClientHttpTests {

    private static final String CLIENT_ID = "5X00000000000000";
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1685599933871L), ZoneOffset.UTC);
    private static final String SUCCESS = "{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"},"
            + "\"paymentRequestId\":\"PAY_20240101_0001\",\"paymentId\":\"20220919194010890100111740275820195\","
            + "\"paymentAmount\":{\"currency\":\"USD\",\"value\":\"1999\"},\"authExpiryTime\":\"2024-01-08T12:00:00+08:00\"}";

    private FakeAntom antom;
    private AlipayClient client;

    @BeforeEach
    void start() throws IOException {
        antom = new FakeAntom(TestKeys.merchantKeys(), TestKeys.antomSigner(), new io.holdfast.alipay.client.signing.Signer(
                TestKeys.STRANGER.getPrivate(), 1));
        client = client(CLIENT_ID, antom.baseUrl(), Timeouts.DEFAULTS);
    }

    @AfterEach
    void stop() {
        client.close();
        antom.close();
    }

    private static AlipayClient client(String clientId, URI baseUrl, Timeouts timeouts) {
        return AlipayClient.create(new AlipayClientProperties(baseUrl, clientId, TestKeys.merchantSigner(),
                TestKeys.antomKeys(), timeouts, Duration.ofSeconds(2), Tls.plainHttpForLocalEmulator()), CLOCK);
    }

    private AlipayOutcome<PayResponse> pay() {
        return client.pay(TestRequests.payWithCard()).block(Duration.ofSeconds(20));
    }

    @Test
    void signsTheExactBytesItSendsWithTheDocumentedHeaders() {
        antom.replySigned(SUCCESS);

        AlipayOutcome<PayResponse> outcome = pay();

        assertThat(outcome).isInstanceOf(Succeeded.class);
        assertThat(((Succeeded<PayResponse>) outcome).response().paymentId()).isEqualTo("20220919194010890100111740275820195");
        FakeAntom.Recorded request = antom.requests().get(0);
        assertThat(request.path()).isEqualTo("/ams/api/v1/payments/pay");
        assertThat(request.clientId()).isEqualTo(CLIENT_ID);
        assertThat(request.requestTime()).isEqualTo("1685599933871");
        assertThat(request.contentType()).isEqualTo("application/json; charset=UTF-8");
        assertThat(request.signature()).startsWith("algorithm=RSA256,keyVersion=1,signature=");
        assertThat(request.signatureCheck()).isEqualTo(SignatureCheck.VALID);
        assertThat(request.bodyText())
                .contains("\"productCode\":\"CASHIER_PAYMENT\"", "\"paymentAmount\":{\"currency\":\"USD\",\"value\":\"1999\"}",
                        "\"paymentFactor\":{\"isAuthorization\":true,\"captureMode\":\"MANUAL\"}",
                        "\"paymentMethodMetaData\":{\"cardNo\":", "\"paymentMethodType\":\"CARD\"")
                .doesNotContain("null");
    }

    @Test
    void acceptsTheDocsSignatureHeaderSpellingInAnyOrder() {
        antom.reply(new Reply(200, SUCCESS, Mode.SIGNED_SPACED_REORDERED));

        assertThat(pay()).isInstanceOf(Succeeded.class);
    }

    @Test
    void failedWithADocumentedCode() {
        antom.replySigned("{\"result\":{\"resultCode\":\"DO_NOT_HONOR\",\"resultStatus\":\"F\",\"resultMessage\":\"declined\"}}");

        AlipayOutcome<PayResponse> outcome = pay();

        assertThat(outcome).isInstanceOfSatisfying(Failed.class, failed -> {
            assertThat(failed.code()).isEqualTo(ResultCode.DO_NOT_HONOR);
            assertThat(failed.rawCode()).isEqualTo("DO_NOT_HONOR");
            assertThat(failed.message()).isEqualTo("declined");
            assertThat(failed.action()).isEqualTo(ResultCode.Action.DECLINED);
        });
    }

    @Test
    void paymentInProcessWithNormalUrlIsInProcess() {
        antom.replySigned("{\"result\":{\"resultCode\":\"PAYMENT_IN_PROCESS\",\"resultStatus\":\"U\",\"resultMessage\":\"in process\"},"
                + "\"paymentId\":\"2022\",\"normalUrl\":\"https://3ds.example/challenge\"}");

        assertThat(pay()).isInstanceOfSatisfying(InProcess.class,
                inProcess -> assertThat(inProcess.redirect().normalUrl()).isEqualTo("https://3ds.example/challenge"));
    }

    @Test
    void paymentInProcessWithoutAnyUrlIsAFailureToCreate() {
        antom.replySigned("{\"result\":{\"resultCode\":\"PAYMENT_IN_PROCESS\",\"resultStatus\":\"U\",\"resultMessage\":\"in process\"}}");

        assertThat(pay()).isInstanceOfSatisfying(Failed.class,
                failed -> assertThat(failed.action()).isEqualTo(ResultCode.Action.NEW_REQUEST_ID));
    }

    @Test
    void unknownExceptionIsUnknown() {
        antom.replySigned("{\"result\":{\"resultCode\":\"UNKNOWN_EXCEPTION\",\"resultStatus\":\"U\",\"resultMessage\":\"oops\"}}");

        assertThat(pay()).isEqualTo(new Unknown<>(UnknownReason.ALIPAY_RESULT_UNKNOWN, "U/UNKNOWN_EXCEPTION: oops"));
    }

    @Test
    void readTimeoutAfterTheRequestWasSentIsUnknown() throws InterruptedException {
        antom.reply(new Reply(200, "", Mode.HANG));
        try (AlipayClient impatient = client(CLIENT_ID, antom.baseUrl(), Timeouts.all(Duration.ofMillis(500)))) {

            AlipayOutcome<PayResponse> outcome = impatient.pay(TestRequests.payWithCard()).block(Duration.ofSeconds(20));

            assertThat(outcome).isInstanceOfSatisfying(Unknown.class,
                    unknown -> assertThat(unknown.reason()).isEqualTo(UnknownReason.TIMEOUT));
            assertThat(antom.awaitRequest(5)).isTrue();
        }
    }

    @Test
    void http500IsUnknown() {
        antom.reply(new Reply(500, "{\"error\":\"gateway\"}", Mode.UNSIGNED));

        assertThat(pay()).isEqualTo(new Unknown<>(UnknownReason.HTTP_STATUS, "HTTP 500"));
    }

    @Test
    void connectionRefusedIsNotSent() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (AlipayClient nowhere = client(CLIENT_ID, URI.create("http://127.0.0.1:" + port), Timeouts.DEFAULTS)) {

            AlipayOutcome<PayResponse> outcome = nowhere.pay(TestRequests.payWithCard()).block(Duration.ofSeconds(20));

            assertThat(outcome).isInstanceOfSatisfying(NotSent.class,
                    notSent -> assertThat(notSent.reason()).isEqualTo(NotSentReason.CONNECTION_REFUSED));
        }
    }

    @Test
    void connectionClosedAfterTheRequestWasSentIsUnknown() throws Exception {
        try (ServerSocket server = new ServerSocket(0);
                AlipayClient client = client(CLIENT_ID, URI.create("http://127.0.0.1:" + server.getLocalPort()),
                        Timeouts.DEFAULTS)) {
            CompletableFuture<Integer> bytesRead = CompletableFuture.supplyAsync(() -> readThenClose(server));

            AlipayOutcome<PayResponse> outcome = client.pay(TestRequests.payWithCard()).block(Duration.ofSeconds(20));

            assertThat(outcome).isInstanceOfSatisfying(Unknown.class,
                    unknown -> assertThat(unknown.reason()).isEqualTo(UnknownReason.CONNECTION_LOST));
            assertThat(bytesRead.get()).isPositive();
        }
    }

    @Test
    void keepsTheConnectionForTheNextCall() {
        assertThat(pay()).isInstanceOf(Succeeded.class);
        assertThat(pay()).isInstanceOf(Succeeded.class);

        assertThat(antom.requests()).extracting(FakeAntom.Recorded::clientPort).hasSize(2)
                .containsOnly(antom.requests().get(0).clientPort());
    }

    @Test
    void doesNotReuseAConnectionTheServerCloses() {
        antom.reply(new Reply(200, SUCCESS, Mode.SIGNED_THEN_CLOSE));

        assertThat(pay()).isInstanceOf(Succeeded.class);
        assertThat(pay()).isInstanceOf(Succeeded.class);

        assertThat(antom.requests()).extracting(FakeAntom.Recorded::clientPort).doesNotHaveDuplicates();
    }

    @Test
    void aCancelledCallClosesItsConnectionAndTheNextCallOpensANewOne() throws InterruptedException {
        antom.reply(new Reply(200, "", Mode.HANG));
        Disposable call = client.pay(TestRequests.payWithCard()).subscribe();
        assertThat(antom.awaitRequest(5)).isTrue();

        call.dispose();

        assertThat(pay()).isInstanceOf(Succeeded.class);
        assertThat(antom.requests()).extracting(FakeAntom.Recorded::clientPort).doesNotHaveDuplicates();
    }

    /**
     * A Spring context closing its {@code ReactorResourceFactory} disposes reactor-netty's global loops under every
     * client still in use (the other cached test contexts); the next call must connect on the new loops.
     */
    @Test
    void survivesTheSharedEventLoopsBeingDisposed() {
        assertThat(pay()).isInstanceOf(Succeeded.class);

        HttpResources.disposeLoopsAndConnections();

        assertThat(pay()).isInstanceOf(Succeeded.class);
    }

    private static int readThenClose(ServerSocket server) {
        try (Socket socket = server.accept()) {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            return in.read(buffer);
        } catch (IOException e) {
            return -1;
        }
    }

    @Test
    void unsignedSuccessIsUnknownNeverASuccess() {
        antom.reply(new Reply(200, SUCCESS, Mode.UNSIGNED));

        assertThat(pay()).isInstanceOfSatisfying(Unknown.class,
                unknown -> assertThat(unknown.reason()).isEqualTo(UnknownReason.UNVERIFIED_RESPONSE));
    }

    @Test
    void unsignedSignatureRejectionIsFailedBeforeProcessing() {
        antom.reply(new Reply(200, "{\"result\":{\"resultCode\":\"INVALID_SIGNATURE\",\"resultStatus\":\"F\",\"resultMessage\":\"bad sig\"}}",
                Mode.UNSIGNED));

        assertThat(pay()).isInstanceOfSatisfying(Failed.class, failed -> {
            assertThat(failed.code()).isEqualTo(ResultCode.INVALID_SIGNATURE);
            assertThat(failed.action()).isEqualTo(ResultCode.Action.FIX_CONFIGURATION);
        });
    }

    @Test
    void badSignaturesAreUnknown() {
        antom.reply(new Reply(200, SUCCESS, Mode.WRONG_KEY))
                .reply(new Reply(200, SUCCESS, Mode.TAMPERED))
                .reply(new Reply(200, SUCCESS, Mode.WRONG_KEY_VERSION))
                .reply(new Reply(200, SUCCESS, Mode.NO_RESPONSE_TIME));

        assertThat(pay()).isEqualTo(new Unknown<>(UnknownReason.UNVERIFIED_RESPONSE, "response signature MISMATCH"));
        assertThat(pay()).isEqualTo(new Unknown<>(UnknownReason.UNVERIFIED_RESPONSE, "response signature MISMATCH"));
        assertThat(pay()).isEqualTo(new Unknown<>(UnknownReason.UNVERIFIED_RESPONSE, "response signature UNKNOWN_KEY_VERSION"));
        assertThat(pay()).isEqualTo(new Unknown<>(UnknownReason.UNVERIFIED_RESPONSE, "response-time header missing"));
    }

    @Test
    void malformedSignedJsonIsUnknown() {
        antom.replySigned("{\"result\":{\"resultCode\":\"SUCCESS\",");

        assertThat(pay()).isInstanceOfSatisfying(Unknown.class,
                unknown -> assertThat(unknown.reason()).isEqualTo(UnknownReason.MALFORMED_RESPONSE));
    }

    @Test
    void aResponseBodyOverOneMebibyteIsUnknownNotRead() {
        antom.replySigned("{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\"},\"padding\":\""
                + "x".repeat(1024 * 1024) + "\"}");

        assertThat(pay()).isInstanceOfSatisfying(Unknown.class,
                unknown -> assertThat(unknown.reason()).isEqualTo(UnknownReason.MALFORMED_RESPONSE));
    }

    @Test
    void toleratesUnknownFieldsAndBooleanStrings() {
        antom.replySigned("{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"ok\",\"extra\":1},"
                + "\"brandNewField\":{\"nested\":[1,2]},\"paymentOptions\":[{\"paymentMethodType\":\"CARD\","
                + "\"enabled\":\"true\",\"preferred\":false,\"paymentMethodRegion\":[\"GLOBAL\"],\"unknownToo\":\"x\"}]}");

        AlipayOutcome<ConsultResponse> outcome = client.consult(ConsultRequest.cashier(Amount.ofMinor("USD", 1999),
                Env.web("1.2.3.4"))).block(Duration.ofSeconds(20));

        assertThat(outcome).isInstanceOfSatisfying(Succeeded.class, succeeded -> {
            ConsultResponse response = (ConsultResponse) succeeded.response();
            assertThat(response.paymentOptions().get(0).enabled()).isTrue();
            assertThat(response.paymentOptions().get(0).preferred()).isFalse();
        });
        assertThat(antom.requests().get(0).path()).isEqualTo("/ams/api/v1/payments/consult");
    }

    @Test
    void sandboxClientIdsCallAndSignTheSandboxPath() {
        antom.replySigned(SUCCESS);
        try (AlipayClient sandbox = client("SANDBOX_5X00000000000000", antom.baseUrl(), Timeouts.DEFAULTS)) {

            AlipayOutcome<PayResponse> outcome = sandbox.pay(TestRequests.payWithToken()).block(Duration.ofSeconds(20));

            assertThat(outcome).isInstanceOf(Succeeded.class);
            assertThat(antom.requests().get(0).path()).isEqualTo("/ams/sandbox/api/v1/payments/pay");
            assertThat(antom.requests().get(0).signatureCheck()).isEqualTo(SignatureCheck.VALID);
            assertThat(antom.requests().get(0).bodyText()).contains("\"paymentMethodId\":\"ALIPAYtokenABCDEF0123456789\"");
        }
    }

    @Test
    void captureInProcessIsInProcessWithoutRedirect() {
        antom.replySigned("{\"result\":{\"resultCode\":\"CAPTURE_IN_PROCESS\",\"resultStatus\":\"U\",\"resultMessage\":\"wait\"}}");

        var outcome = client.capture(CaptureRequest.of("CAP_1", "2022", Amount.ofMinor("USD", 1999))).block(Duration.ofSeconds(20));

        assertThat(outcome).isInstanceOfSatisfying(InProcess.class,
                inProcess -> assertThat(inProcess.redirect().isEmpty()).isTrue());
        assertThat(antom.requests().get(0).path()).isEqualTo("/ams/api/v1/payments/capture");
        assertThat(antom.requests().get(0).bodyText())
                .isEqualTo("{\"captureRequestId\":\"CAP_1\",\"paymentId\":\"2022\",\"captureAmount\":{\"currency\":\"USD\",\"value\":\"1999\"}}");
    }

    @Test
    void cancelInquiryAndVaultCallTheirPaths() {
        antom.replySigned("{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"ok\"},\"cancelTime\":\"2024-01-01T00:00:00Z\"}")
                .replySigned("{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"ok\"},"
                        + "\"paymentStatus\":\"SUCCESS\",\"authExpirytime\":\"2024-01-08T00:00:00Z\","
                        + "\"transactions\":[{\"transactionType\":\"CAPTURE\",\"transactionStatus\":\"SUCCESS\",\"transactionRequestId\":\"CAP_1\"}]}")
                .replySigned("{\"result\":{\"resultCode\":\"VERIFICATION_IN_PROCESS\",\"resultStatus\":\"U\",\"resultMessage\":\"3ds\"},"
                        + "\"vaultingRequestId\":\"V1\",\"normalUrl\":\"https://3ds.example/v\"}");

        assertThat(client.cancel(CancelRequest.byPaymentRequestId("PAY_1")).block(Duration.ofSeconds(20)))
                .isInstanceOf(Succeeded.class);
        var inquiry = client.inquiryPayment(InquiryPaymentRequest.byPaymentRequestId("PAY_1")).block(Duration.ofSeconds(20));
        var vault = client.vaultPaymentMethod(VaultPaymentMethodRequest.card("V1", "https://m.example/n", "https://m.example/r",
                VaultCard.of(TestRequests.TEST_PAN, TestRequests.TEST_CVV, "28", "06", null, null), Env.web("1.2.3.4")))
                .block(Duration.ofSeconds(20));

        assertThat(inquiry).isInstanceOfSatisfying(Succeeded.class, succeeded -> {
            InquiryPaymentResponse response = (InquiryPaymentResponse) succeeded.response();
            assertThat(response.paymentStatus()).isEqualTo(PaymentStatus.SUCCESS);
            assertThat(response.authExpiryTime()).isEqualTo("2024-01-08T00:00:00Z");
            assertThat(response.transactions().get(0).transactionType()).isEqualTo(TransactionType.CAPTURE);
        });
        assertThat(vault).isInstanceOfSatisfying(InProcess.class,
                inProcess -> assertThat(inProcess.redirect().normalUrl()).isEqualTo("https://3ds.example/v"));
        assertThat(antom.requests()).extracting(FakeAntom.Recorded::path).containsExactly(
                "/ams/api/v1/payments/cancel", "/ams/api/v1/payments/inquiryPayment", "/ams/api/v1/vaults/vaultPaymentMethod");
        assertThat(antom.requests()).extracting(FakeAntom.Recorded::signatureCheck).containsOnly(SignatureCheck.VALID);
    }
}
