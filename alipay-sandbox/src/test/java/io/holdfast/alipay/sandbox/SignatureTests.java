package io.holdfast.alipay.sandbox;

import static io.holdfast.alipay.sandbox.Requests.PAY;
import static io.holdfast.alipay.sandbox.Requests.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.alipay.client.signing.AlipayKeys;
import io.holdfast.alipay.client.signing.Signer;
import io.holdfast.alipay.sandbox.Merchant.Reply;
import io.holdfast.alipay.sandbox.core.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SignatureTests {

    static AlipaySandbox sandbox;
    static Merchant merchant;

    @BeforeAll
    static void start() {
        sandbox = Merchant.sandbox().start();
        merchant = new Merchant(sandbox.baseUrl());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void aRequestSignedWithAnotherKeyIsRejectedUnsigned() {
        Merchant impostor = new Merchant(sandbox.baseUrl(), Merchant.CLIENT_ID,
                new Signer(AlipayKeys.generate(new SecureRandom()).getPrivate(), 1), HttpClient.newHttpClient());
        Reply reply = impostor.post(PAY, Requests.manualPay(id("bad"), "100"), sandbox);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.code()).isEqualTo("INVALID_SIGNATURE");
        assertThat(reply.body().path("result").path("resultStatus").asString()).isEqualTo("F");
        assertThat(reply.signed()).isFalse();
        assertThat(sandbox.control().ledger()).noneMatch(e -> e.result().resultCode().equals("INVALID_SIGNATURE"));
    }

    @Test
    void anUnknownKeyVersionIsRejected() {
        Merchant wrongVersion = new Merchant(sandbox.baseUrl(), Merchant.CLIENT_ID,
                new Signer(Merchant.KEYS.getPrivate(), 2), HttpClient.newHttpClient());
        assertThat(wrongVersion.post(PAY, Requests.manualPay(id("v2"), "100"), sandbox).code())
                .isEqualTo("INVALID_SIGNATURE");
    }

    @Test
    void anUnknownClientIsClientInvalid() {
        Merchant stranger = new Merchant(sandbox.baseUrl(), "SANDBOX_STRANGER", new Signer(Merchant.KEYS.getPrivate(), 1),
                HttpClient.newHttpClient());
        Reply reply = stranger.post(PAY, Requests.manualPay(id("who"), "100"), sandbox);
        assertThat(reply.code()).isEqualTo("CLIENT_INVALID");
        assertThat(reply.signed()).isFalse();
    }

    @Test
    void aMissingSignatureOrATamperedBodyIsRejected() {
        byte[] body = Json.bytes(Requests.manualPay(id("nosig"), "100"));
        HttpRequest unsigned = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + PAY))
                .header("Client-Id", Merchant.CLIENT_ID).header("Request-Time", "1700000000000")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        assertThat(merchant.send(unsigned, PAY, sandbox).code()).isEqualTo("INVALID_SIGNATURE");

        // signed for one path, sent to another: the signature covers the URI
        String time = "1700000000001";
        String signature = new Signer(Merchant.KEYS.getPrivate(), 1)
                .sign(io.holdfast.alipay.client.signing.SignedContent.ofPost("/ams/api/v1/payments/pay",
                        Merchant.CLIENT_ID, time, body)).format();
        HttpRequest otherPath = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/ams/sandbox/api/v1/payments/pay"))
                .header("Client-Id", Merchant.CLIENT_ID).header("Request-Time", time).header("Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        assertThat(merchant.send(otherPath, "/ams/sandbox/api/v1/payments/pay", sandbox).code())
                .isEqualTo("INVALID_SIGNATURE");

        byte[] tampered = Json.bytes(Requests.manualPay(id("tampered"), "100"));
        HttpRequest changed = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + PAY))
                .header("Client-Id", Merchant.CLIENT_ID).header("Request-Time", time).header("Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(tampered)).build();
        assertThat(merchant.send(changed, PAY, sandbox).code()).isEqualTo("INVALID_SIGNATURE");
    }

    @Test
    void theDocsSpacedHeaderFormIsAccepted() {
        byte[] body = Json.bytes(Requests.manualPay(id("spaced"), "100"));
        String time = "1700000000002";
        String signature = new Signer(Merchant.KEYS.getPrivate(), 1)
                .sign(io.holdfast.alipay.client.signing.SignedContent.ofPost(PAY, Merchant.CLIENT_ID, time, body))
                .format().replace(",", ", ");
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + PAY)).timeout(Duration.ofSeconds(5))
                .header("client-id", Merchant.CLIENT_ID).header("request-time", time).header("signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        Reply reply = merchant.send(request, PAY, sandbox);
        assertThat(reply.code()).isEqualTo("SUCCESS");
        assertThat(reply.signatureValid()).isTrue();
    }

    @Test
    void malformedJsonIsParamIllegalAndSigned() {
        Reply reply = merchant.post(PAY, "{not json".getBytes(), sandbox, Duration.ofSeconds(5));
        assertThat(reply.code()).isEqualTo("PARAM_ILLEGAL");
        assertThat(reply.signatureValid()).isTrue();
    }
}
