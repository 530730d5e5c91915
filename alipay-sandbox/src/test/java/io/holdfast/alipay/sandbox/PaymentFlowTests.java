package io.holdfast.alipay.sandbox;

import static io.holdfast.alipay.sandbox.Requests.CANCEL;
import static io.holdfast.alipay.sandbox.Requests.CAPTURE;
import static io.holdfast.alipay.sandbox.Requests.INQUIRY;
import static io.holdfast.alipay.sandbox.Requests.PAY;
import static io.holdfast.alipay.sandbox.Requests.VISA;
import static io.holdfast.alipay.sandbox.Requests.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.holdfast.alipay.sandbox.Merchant.Reply;
import io.holdfast.alipay.sandbox.core.Json;
import io.holdfast.alipay.sandbox.core.LedgerOperation;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class PaymentFlowTests {

    static AlipaySandbox sandbox;
    static NotificationReceiver receiver;
    static Merchant merchant;

    @BeforeAll
    static void start() {
        receiver = new NotificationReceiver();
        sandbox = Merchant.sandbox().start();
        merchant = new Merchant(sandbox.baseUrl());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
        receiver.close();
    }

    @Test
    void consultOffersCards() {
        ObjectNode body = Json.object().put("productCode", "CASHIER_PAYMENT");
        body.set("paymentAmount", Requests.amount("USD", "4200"));
        body.putObject("env").put("terminalType", "WEB");
        Reply reply = merchant.post(Requests.CONSULT, body, sandbox);
        assertThat(reply.code()).isEqualTo("SUCCESS");
        assertThat(reply.signatureValid()).isTrue();
        JsonNode option = reply.body().path("paymentOptions").get(0);
        assertThat(option.path("paymentMethodType").asString()).isEqualTo("CARD");
        assertThat(option.path("paymentOptionDetail").path("supportCardBrands").get(0).path("cardBrand").asString())
                .isEqualTo("VISA");
    }

    @Test
    void manualAuthorizationThenCaptureAndInquiry() {
        String requestId = id("pay");
        Reply pay = merchant.post(PAY, Requests.pay(requestId, "1999", VISA, "MANUAL", receiver.url()), sandbox);
        assertThat(pay.status()).isEqualTo(200);
        assertThat(pay.signatureValid()).isTrue();
        assertThat(pay.body().path("result").path("resultStatus").asString()).isEqualTo("S");
        String paymentId = pay.status("paymentId");
        assertThat(paymentId).matches("[0-9]{35}");
        assertThat(pay.status("authExpiryTime")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00");
        assertThat(pay.body().path("paymentResultInfo").path("cardNo").asString()).isEqualTo("405469******0768");
        assertThat(pay.response().headers().firstValue("response-time").orElseThrow())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00");
        assertThat(pay.response().headers().firstValue("signature").orElseThrow())
                .startsWith("algorithm=RSA256,keyVersion=1,signature=");
        assertThat(pay.response().headers().firstValue("client-id")).contains(Merchant.CLIENT_ID);

        JsonNode authorized = merchant.post(INQUIRY, Requests.byRequestId(requestId), sandbox).body();
        assertThat(authorized.path("paymentStatus").asString()).isEqualTo("SUCCESS");
        assertThat(authorized.has("transactions")).isFalse();

        Reply capture = merchant.post(CAPTURE, Requests.capture(id("cap"), paymentId, "USD", "1999"), sandbox);
        assertThat(capture.code()).isEqualTo("SUCCESS");
        assertThat(capture.status("captureId")).matches("[0-9]{35}");

        JsonNode inquiry = merchant.post(INQUIRY, Requests.byPaymentId(paymentId), sandbox).body();
        JsonNode transaction = inquiry.path("transactions").get(0);
        assertThat(transaction.path("transactionType").asString()).isEqualTo("CAPTURE");
        assertThat(transaction.path("transactionId").asString()).isEqualTo(capture.status("captureId"));
        assertThat(transaction.path("transactionAmount").path("value").asString()).isEqualTo("1999");

        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.bodiesFor(paymentId).size() == 2);
        List<JsonNode> notes = receiver.bodiesFor(paymentId);
        assertThat(notes).extracting(n -> n.path("notifyType").asString())
                .containsExactly("PAYMENT_RESULT", "CAPTURE_RESULT");
        assertThat(notes.get(1).path("captureRequestId").asString()).isEqualTo(capture.body().path("captureRequestId").asString());
    }

    @Test
    void automaticCaptureIsDefaultAndNotifiesPaymentThenCapture() {
        String requestId = id("auto");
        Reply pay = merchant.post(PAY, Requests.pay(requestId, "500", VISA, null, receiver.url()), sandbox);
        assertThat(pay.code()).isEqualTo("SUCCESS");
        String paymentId = pay.status("paymentId");

        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.bodiesFor(paymentId).size() == 2);
        List<NotificationReceiver.Received> raw = receiver.received().stream()
                .filter(r -> paymentId.equals(r.json().path("paymentId").asString(null))).toList();
        assertThat(raw).allSatisfy(r -> {
            assertThat(r.verifies(sandbox.sandboxPublicKey())).isTrue();
            assertThat(r.clientId()).isEqualTo(Merchant.CLIENT_ID);
            assertThat(r.path()).isEqualTo("/antom/notify");
        });
        assertThat(raw.get(0).json().path("notifyType").asString()).isEqualTo("PAYMENT_RESULT");
        JsonNode capture = raw.get(1).json();
        assertThat(capture.path("notifyType").asString()).isEqualTo("CAPTURE_RESULT");
        assertThat(capture.path("captureRequestId").asString()).matches("[0-9]{35}");
        assertThat(capture.path("result").path("resultMessage").asString()).isEqualTo("success");

        JsonNode inquiry = merchant.post(INQUIRY, Requests.byPaymentId(paymentId), sandbox).body();
        assertThat(inquiry.path("transactions").get(0).path("transactionType").asString()).isEqualTo("CAPTURE");
        Reply second = merchant.post(CAPTURE, Requests.capture(id("cap"), paymentId, "USD", "500"), sandbox);
        assertThat(second.code()).isEqualTo("MULTI_CAPTURE_NOT_SUPPORTED");
        assertThat(sandbox.control().ledger()).anySatisfy(entry -> {
            assertThat(entry.operation()).isEqualTo(LedgerOperation.AUTO_CAPTURE);
            assertThat(entry.paymentId()).isEqualTo(paymentId);
        });
    }

    @Test
    void cancelVoidsTheAuthorization() {
        String requestId = id("cancel");
        String paymentId = merchant.post(PAY, Requests.manualPay(requestId, "700"), sandbox).status("paymentId");
        Reply cancel = merchant.post(CANCEL, Requests.byRequestId(requestId), sandbox);
        assertThat(cancel.code()).isEqualTo("SUCCESS");
        assertThat(cancel.status("paymentId")).isEqualTo(paymentId);
        assertThat(cancel.status("cancelTime")).isNotBlank();
        JsonNode inquiry = merchant.post(INQUIRY, Requests.byPaymentId(paymentId), sandbox).body();
        assertThat(inquiry.path("paymentStatus").asString()).isEqualTo("CANCELLED");
        assertThat(inquiry.path("transactions").get(0).path("transactionType").asString()).isEqualTo("CANCEL");
    }

    @Test
    void vaultedCardTokenPaysAsTheCard() {
        Reply vault = merchant.post(Requests.VAULT, Requests.vault(id("vault"), "5162774114974622", receiver.url()),
                sandbox);
        assertThat(vault.code()).isEqualTo("SUCCESS");
        String token = vault.body().path("paymentMethodDetail").path("card").path("cardToken").asString();
        assertThat(token).startsWith("ALIPAY_TOKEN_");
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().stream()
                .anyMatch(r -> "VAULTING_RESULT".equals(r.json().path("notifyType").asString(null))));

        ObjectNode pay = Requests.pay(id("tok"), "1200", null, "MANUAL", null);
        ((ObjectNode) pay.get("paymentMethod")).put("paymentMethodId", token);
        Reply reply = merchant.post(PAY, pay, sandbox);
        assertThat(reply.code()).isEqualTo("SUCCESS");
        assertThat(reply.body().path("paymentResultInfo").path("cardBrand").asString()).isEqualTo("MASTERCARD");
        assertThat(reply.body().path("paymentResultInfo").path("cardToken").asString()).isEqualTo(token);

        ObjectNode declined = Requests.pay(id("tok"), "1200", null, "MANUAL", null);
        ((ObjectNode) declined.get("paymentMethod")).put("paymentMethodId", "ALIPAY_TOKEN_UNKNOWN");
        assertThat(merchant.post(PAY, declined, sandbox).code()).isEqualTo("PARAM_ILLEGAL");
    }

    @Test
    void tokenizeDuringPayReturnsAToken() {
        ObjectNode pay = Requests.manualPay(id("tokenize"), "300");
        ((ObjectNode) pay.get("paymentMethod").get("paymentMethodMetaData")).put("tokenize", "true");
        Reply reply = merchant.post(PAY, pay, sandbox);
        assertThat(reply.body().path("paymentResultInfo").path("cardToken").asString()).startsWith("ALIPAY_TOKEN_");
    }

    @Test
    void sandboxPathPrefixIsServedAndSigned() {
        Reply reply = merchant.post("/ams/sandbox/api/v1/payments/pay", Requests.manualPay(id("sbx"), "100"), sandbox);
        assertThat(reply.code()).isEqualTo("SUCCESS");
        assertThat(reply.signatureValid()).isTrue();
    }

    @Test
    void inquiryOfAnUnknownPaymentIsOrderNotExist() {
        assertThat(merchant.post(INQUIRY, Requests.byRequestId(id("never")), sandbox).code()).isEqualTo("ORDER_NOT_EXIST");
    }

    @Test
    void servesHttpsWithTheExportedCertificate() throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("sandbox", CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(sandbox.certificatePem().getBytes(StandardCharsets.US_ASCII))));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, factory.getTrustManagers(), null);
        Merchant tls = new Merchant(sandbox.httpsBaseUrl(), Merchant.CLIENT_ID,
                new io.holdfast.alipay.client.signing.Signer(Merchant.KEYS.getPrivate(), 1),
                HttpClient.newBuilder().sslContext(ssl).build());
        Reply reply = tls.post(PAY, Requests.manualPay(id("tls"), "100"), sandbox);
        assertThat(reply.code()).isEqualTo("SUCCESS");
        assertThat(reply.signatureValid()).isTrue();
    }
}
