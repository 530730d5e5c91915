package io.holdfast.alipay.sandbox.bench;

import io.holdfast.alipay.client.signing.SignedContent;
import io.holdfast.alipay.client.signing.Signer;
import io.holdfast.alipay.sandbox.AlipaySandbox;
import io.holdfast.alipay.sandbox.core.Json;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sandbox's own cost per pay: requests are built and signed before the clock starts and sent by a bare
 * reactor-netty client that neither parses nor verifies the answers, so the measured sandbox CPU is its request
 * verification, engine work, JSON and response signature.
 */
final class SandboxOnly {

    private static final String PATH = "/ams/api/v1/payments/pay";

    private SandboxOnly() {
    }

    /** One signed pay request, ready to send. */
    private record Prepared(byte[] body, String requestTime, String signature) {
    }

    static void run(AlipaySandbox sandbox, Signer signer, int warmup, int pays, int concurrency, RsaFloor floor) {
        ConnectionProvider connections = ConnectionProvider.builder("benchmark").maxConnections(concurrency).build();
        try {
            HttpClient http = HttpClient.create(connections).baseUrl(sandbox.baseUrl());
            send(http, prepare(signer, "RAW_WARM_", warmup), concurrency, "warm-up", floor, false);
            long signStart = System.nanoTime();
            Prepared[] requests = prepare(signer, "RAW_", pays);
            System.out.printf("signed %d requests up front in %.2f s (not measured below)%n", pays,
                    (System.nanoTime() - signStart) / 1e9);
            send(http, requests, concurrency, "pay", floor, true);
        } finally {
            connections.disposeLater().block();
        }
    }

    private static Prepared[] prepare(Signer signer, String prefix, int count) {
        Prepared[] prepared = new Prepared[count];
        for (int i = 0; i < count; i++) {
            byte[] body = payBody(prefix + i);
            String time = Long.toString(1_700_000_000_000L + i);
            String signature = signer.sign(SignedContent.ofPost(PATH, AlipayBenchmark.CLIENT_ID, time, body)).format();
            prepared[i] = new Prepared(body, time, signature);
        }
        return prepared;
    }

    private static void send(HttpClient http, Prepared[] requests, int concurrency, String phase, RsaFloor floor,
            boolean report) {
        Latencies latencies = new Latencies(requests.length);
        Map<String, LongAdder> codes = new ConcurrentHashMap<>();
        ThreadCpu before = ThreadCpu.snapshot();
        long start = System.nanoTime();
        Flux.range(0, requests.length).flatMap(i -> Mono.defer(() -> {
            Prepared request = requests[i];
            long sent = System.nanoTime();
            return http.headers(headers -> headers.set("Content-Type", "application/json; charset=UTF-8")
                            .set("Client-Id", AlipayBenchmark.CLIENT_ID).set("Request-Time", request.requestTime())
                            .set("Signature", request.signature()))
                    .post().uri(PATH).send(ByteBufFlux.fromString(Mono.just(new String(request.body(),
                            java.nio.charset.StandardCharsets.UTF_8))))
                    .responseSingle((response, body) -> body.asString().defaultIfEmpty("")
                            .map(text -> response.status().code() + (text.contains("\"resultStatus\":\"S\"") ? " S"
                                    : " not S")))
                    .doOnNext(code -> {
                        latencies.record(System.nanoTime() - sent);
                        codes.computeIfAbsent(code, k -> new LongAdder()).increment();
                    });
        }), concurrency).blockLast();
        long elapsed = System.nanoTime() - start;
        ThreadCpu after = ThreadCpu.snapshot();
        if (!report) {
            System.out.printf("%s: %d requests, HTTP status and resultStatus %s%n", phase, requests.length, codes);
            return;
        }
        int n = requests.length;
        double sandboxMicros = after.since(before, AlipayBenchmark::sandboxThread) / 1e3 / n;
        double driverMicros = after.since(before, AlipayBenchmark::clientThread) / 1e3 / n;
        System.out.printf("%s: %d requests in %.2f s = %.0f requests/s; latency p50 %.2f ms, p99 %.2f ms; %s%n",
                phase, n, elapsed / 1e9, n / (elapsed / 1e9), latencies.quantileMillis(0.50),
                latencies.quantileMillis(0.99), codes);
        System.out.printf("  sandbox CPU/pay %.0f us = %.0f pays/s per core (RSA floor: 1 verify + 1 sign = %.0f us ="
                + " %.0f%% of it); bare driver CPU/pay %.0f us%n", sandboxMicros, 1e6 / sandboxMicros,
                floor.signPlusVerifyMicros(), 100 * floor.signPlusVerifyMicros() / sandboxMicros, driverMicros);
    }

    /** A pay request body shaped like the Antom reference's example (manual capture, approving test card). */
    static byte[] payBody(String paymentRequestId) {
        ObjectNode body = Json.object();
        body.put("productCode", "CASHIER_PAYMENT");
        body.put("paymentRequestId", paymentRequestId);
        body.set("paymentAmount", Json.object().put("currency", "USD").put("value", "1999"));
        ObjectNode order = body.putObject("order");
        order.put("referenceOrderId", "ORD_" + paymentRequestId);
        order.put("orderDescription", "Order " + paymentRequestId);
        order.set("orderAmount", Json.object().put("currency", "USD").put("value", "1999"));
        order.putObject("buyer").put("referenceBuyerId", "U123");
        ObjectNode method = body.putObject("paymentMethod");
        method.put("paymentMethodType", "CARD");
        ObjectNode meta = method.putObject("paymentMethodMetaData");
        meta.put("cardNo", "4054695723100768");
        meta.put("cvv", "123");
        meta.put("expiryYear", "28");
        meta.put("expiryMonth", "06");
        meta.putObject("cardholderName").put("firstName", "Alan").put("lastName", "Wallex");
        meta.put("is3DSAuthentication", false);
        body.putObject("paymentFactor").put("isAuthorization", true).put("captureMode", "MANUAL");
        body.put("paymentRedirectUrl", "https://merchant.example/return");
        body.putObject("env").put("terminalType", "WEB").put("clientIp", "1.2.3.4");
        return Json.bytes(body);
    }
}
