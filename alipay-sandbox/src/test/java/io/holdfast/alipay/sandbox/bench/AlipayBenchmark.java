package io.holdfast.alipay.sandbox.bench;

import io.holdfast.alipay.client.AlipayClient;
import io.holdfast.alipay.client.AlipayClientProperties;
import io.holdfast.alipay.client.AlipayClientProperties.Timeouts;
import io.holdfast.alipay.client.AlipayClientProperties.Tls;
import io.holdfast.alipay.client.AlipayOutcome;
import io.holdfast.alipay.client.model.Amount;
import io.holdfast.alipay.client.model.Buyer;
import io.holdfast.alipay.client.model.CaptureMode;
import io.holdfast.alipay.client.model.CardMetaData;
import io.holdfast.alipay.client.model.Env;
import io.holdfast.alipay.client.model.InquiryPaymentRequest;
import io.holdfast.alipay.client.model.Order;
import io.holdfast.alipay.client.model.PayRequest;
import io.holdfast.alipay.client.model.PaymentMethod;
import io.holdfast.alipay.client.model.UserName;
import io.holdfast.alipay.client.signing.AlipayKeys;
import io.holdfast.alipay.client.signing.KeyRing;
import io.holdfast.alipay.client.signing.SignedContent;
import io.holdfast.alipay.client.signing.Signer;
import io.holdfast.alipay.sandbox.AlipaySandbox;
import java.net.URI;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Benchmark command, not a test: (1) the RSA-2048 SHA256withRSA floor, (2) pay and inquiryPayment calls through the
 * real {@link AlipayClient} against an embedded {@link AlipaySandbox} over loopback, with the client's and the
 * sandbox's CPU per call, (3) the sandbox alone, fed requests signed up front. See the module README for the command.
 *
 * <p>Options: {@code --pays=4000 --inquiries=2000 --concurrency=16 --warmup=1500 --rsa-ops=2000}.
 */
public final class AlipayBenchmark {

    static final String CLIENT_ID = "SANDBOX_BENCHMARK";
    /** The card Antom's sandbox approves without 3DS (public test card). */
    private static final String CARD = "4054695723100768";

    /** Threads of the sandbox: its own event loops, ticker and notifier, and the scheduler its engine work runs on. */
    static boolean sandboxThread(String name) {
        return name.startsWith("alipay-sandbox") || name.startsWith("boundedElastic");
    }

    /** Threads of the client side: reactor-netty's shared client loops, Reactor's timer (timeouts) and main. */
    static boolean clientThread(String name) {
        return name.startsWith("reactor-http-") || name.startsWith("parallel-") || "main".equals(name);
    }

    private AlipayBenchmark() {
    }

    public static void main(String[] args) {
        Map<String, Integer> options = options(args);
        int pays = options.getOrDefault("pays", 4000);
        int inquiries = options.getOrDefault("inquiries", 2000);
        int concurrency = options.getOrDefault("concurrency", 16);
        int warmup = options.getOrDefault("warmup", 1500);
        int rsaOps = options.getOrDefault("rsa-ops", 2000);
        System.out.printf("Holdfast alipay benchmark: %d cores, Java %s, %s %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("os.name"), System.getProperty("os.arch"));

        KeyPair merchant = AlipayKeys.generate(new SecureRandom());
        RsaFloor floor = RsaFloor.measure(merchant, rsaOps);
        floor.print();

        try (AlipaySandbox sandbox = AlipaySandbox.builder().client(CLIENT_ID, merchant.getPublic())
                .httpsPort(null).start()) {
            Signer signer = new Signer(merchant.getPrivate(), 1);
            AlipayClientProperties properties = new AlipayClientProperties(URI.create(sandbox.baseUrl()), CLIENT_ID,
                    signer, KeyRing.single(sandbox.sandboxPublicKey()), Timeouts.all(Duration.ofSeconds(30)), null,
                    Tls.plainHttpForLocalEmulator());
            try (AlipayClient client = AlipayClient.create(properties, Clock.systemUTC())) {
                System.out.printf("%n== 2. AlipayClient -> embedded AlipaySandbox, loopback HTTP, %d in flight ==%n",
                        concurrency);
                run("warm-up pay", warmup, concurrency, i -> client.pay(pay("WARM_" + i)), floor, false);
                run("warm-up inquiryPayment", warmup / 2, concurrency,
                        i -> client.inquiryPayment(InquiryPaymentRequest.byPaymentRequestId("WARM_" + i)), floor,
                        false);
                run("pay", pays, concurrency, i -> client.pay(pay("PAY_" + i)), floor, true);
                run("inquiryPayment", inquiries, concurrency,
                        i -> client.inquiryPayment(InquiryPaymentRequest.byPaymentRequestId("PAY_" + (i % pays))),
                        floor, true);
            }
            System.out.printf("%n== 3. AlipaySandbox alone: pay requests signed up front, %d in flight ==%n",
                    concurrency);
            SandboxOnly.run(sandbox, signer, warmup, pays, concurrency, floor);
        }
    }

    static PayRequest pay(String paymentRequestId) {
        Amount amount = Amount.ofMinor("USD", 1999);
        CardMetaData card = CardMetaData.card(CARD, "123", "28", "06", UserName.of("Alan", "Wallex"), null);
        return PayRequest.card(paymentRequestId, Order.of("ORD_" + paymentRequestId, "Order " + paymentRequestId,
                amount, Buyer.of("U123")), amount, PaymentMethod.card(card), CaptureMode.MANUAL,
                "https://merchant.example/return", Env.web("1.2.3.4"));
    }

    private static void run(String phase, int calls, int concurrency,
            Function<Integer, Mono<? extends AlipayOutcome<?>>> call, RsaFloor floor, boolean report) {
        Latencies latencies = new Latencies(calls);
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        ThreadCpu before = ThreadCpu.snapshot();
        long processBefore = ThreadCpu.processCpuNanos();
        long start = System.nanoTime();
        Flux.range(0, calls).flatMap(i -> Mono.defer(() -> {
            long sent = System.nanoTime();
            return call.apply(i).doOnNext(outcome -> {
                latencies.record(System.nanoTime() - sent);
                outcomes.computeIfAbsent(outcome.getClass().getSimpleName(), k -> new LongAdder()).increment();
            });
        }), concurrency).blockLast();
        long elapsed = System.nanoTime() - start;
        long process = ThreadCpu.processCpuNanos() - processBefore;
        ThreadCpu after = ThreadCpu.snapshot();
        if (!report) {
            System.out.printf("%s: %d calls, outcomes %s%n", phase, calls, outcomes);
            return;
        }
        double clientMicros = after.since(before, AlipayBenchmark::clientThread) / 1e3 / calls;
        double sandboxMicros = after.since(before, AlipayBenchmark::sandboxThread) / 1e3 / calls;
        System.out.printf("%s: %d calls in %.2f s = %.0f calls/s; latency p50 %.2f ms, p99 %.2f ms; outcomes %s%n",
                phase, calls, elapsed / 1e9, calls / (elapsed / 1e9), latencies.quantileMillis(0.50),
                latencies.quantileMillis(0.99), outcomes);
        System.out.printf("  client CPU/call %.0f us (RSA floor: 1 sign + 1 verify = %.0f us = %.0f%% of it)%n",
                clientMicros, floor.signPlusVerifyMicros(), 100 * floor.signPlusVerifyMicros() / clientMicros);
        double otherMicros = after.since(before, name -> !clientThread(name) && !sandboxThread(name)) / 1e3 / calls;
        System.out.printf("  sandbox CPU/call %.0f us; other Java threads %.0f us; whole process (both sides, GC, JIT)"
                + " %.0f us/call%n", sandboxMicros, otherMicros, process / 1e3 / calls);
    }

    private static Map<String, Integer> options(String[] args) {
        Map<String, Integer> options = new ConcurrentHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --name=number, got " + arg);
            }
            String[] parts = arg.substring(2).split("=", 2);
            options.put(parts[0], Integer.parseInt(parts[1]));
        }
        return options;
    }

    /** Signed content of the size of a real pay request, for the RSA floor. */
    static byte[] sampleContent() {
        return SignedContent.ofPost("/ams/api/v1/payments/pay", CLIENT_ID, "1700000000000",
                SandboxOnly.payBody("PAY_FLOOR_SAMPLE"));
    }
}
