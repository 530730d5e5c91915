package io.holdfast.alipay.sandbox;

import io.holdfast.alipay.client.signing.AlipayKeys;
import io.holdfast.alipay.client.signing.KeyRing;
import io.holdfast.alipay.client.signing.SignedContent;
import io.holdfast.alipay.client.signing.Signer;
import io.holdfast.alipay.sandbox.core.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A test merchant: signs requests with a test-generated key and sends them over real HTTP. */
final class Merchant {

    static final String CLIENT_ID = "SANDBOX_TEST_MERCHANT";
    /** Generated once per test JVM; TEST-ONLY. */
    static final KeyPair KEYS = AlipayKeys.generate(new SecureRandom());
    private static final AtomicLong TIME = new AtomicLong(1_700_000_000_000L);

    private final String baseUrl;
    private final Signer signer;
    private final String clientId;
    private final HttpClient http;

    Merchant(String baseUrl) {
        this(baseUrl, CLIENT_ID, new Signer(KEYS.getPrivate(), 1), HttpClient.newHttpClient());
    }

    Merchant(String baseUrl, String clientId, Signer signer, HttpClient http) {
        this.baseUrl = baseUrl;
        this.clientId = clientId;
        this.signer = signer;
        this.http = http;
    }

    static AlipaySandbox.Builder sandbox() {
        return AlipaySandbox.builder().client(CLIENT_ID, KEYS.getPublic());
    }

    /** The reply, with its signature already checked against the sandbox key (or marked unsigned). */
    record Reply(int status, JsonNode body, byte[] raw, HttpResponse<byte[]> response, boolean signed,
            boolean signatureValid) {

        String code() {
            return body.path("result").path("resultCode").asString();
        }

        String status(String field) {
            return body.path(field).asString();
        }
    }

    Reply post(String path, ObjectNode body, AlipaySandbox sandbox) {
        return post(path, Json.bytes(body), sandbox, Duration.ofSeconds(10));
    }

    Reply post(String path, byte[] body, AlipaySandbox sandbox, Duration timeout) {
        String time = Long.toString(TIME.incrementAndGet());
        String signature = signer.sign(SignedContent.ofPost(path, clientId, time, body)).format();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("Client-Id", clientId).header("Request-Time", time).header("Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return send(request, path, sandbox);
    }

    Reply send(HttpRequest request, String path, AlipaySandbox sandbox) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return reply(response, path, sandbox);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Reply reply(HttpResponse<byte[]> response, String path, AlipaySandbox sandbox) {
        String signature = response.headers().firstValue("signature").orElse(null);
        boolean valid = false;
        if (signature != null) {
            String clientId = response.headers().firstValue("client-id").orElseThrow();
            String time = response.headers().firstValue("response-time").orElseThrow();
            valid = KeyRing.single(sandbox.sandboxPublicKey())
                    .verify(SignedContent.ofPost(path, clientId, time, response.body()), signature);
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(response.body());
        } catch (RuntimeException e) {
            body = Json.object();
        }
        return new Reply(response.statusCode(), body, response.body(), response, signature != null, valid);
    }
}
