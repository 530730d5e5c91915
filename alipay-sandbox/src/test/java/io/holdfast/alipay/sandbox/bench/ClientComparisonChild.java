package io.holdfast.alipay.sandbox.bench;

import com.alipay.global.api.DefaultAlipayClient;
import com.alipay.global.api.exception.AlipayApiException;
import com.alipay.global.api.model.ResultStatusType;
import com.alipay.global.api.model.ams.Amount;
import com.alipay.global.api.model.ams.Buyer;
import com.alipay.global.api.model.ams.Env;
import com.alipay.global.api.model.ams.Order;
import com.alipay.global.api.model.ams.PaymentFactor;
import com.alipay.global.api.model.ams.PaymentMethod;
import com.alipay.global.api.model.ams.ProductCodeType;
import com.alipay.global.api.model.ams.TerminalType;
import com.alipay.global.api.net.HttpRpcResult;
import com.alipay.global.api.request.ams.pay.AlipayPayRequest;
import com.alipay.global.api.response.ams.pay.AlipayPayResponse;
import io.holdfast.alipay.client.AlipayClient;
import io.holdfast.alipay.client.AlipayClientProperties;
import io.holdfast.alipay.client.AlipayClientProperties.Tls;
import io.holdfast.alipay.client.AlipayOutcome;
import io.holdfast.alipay.client.model.PayResponse;
import io.holdfast.alipay.client.signing.AlipayKeys;
import io.holdfast.alipay.client.signing.KeyRing;
import io.holdfast.alipay.client.signing.Signer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * One side of {@link ClientComparison}, in its own JVM: pays through one client ({@code --client=holdfast} for
 * Holdfast's {@link AlipayClient}, {@code --client=sdk} for the official SDK's {@link DefaultAlipayClient}) from
 * {@code --threads} threads, each blocking on one call at a time over a kept-alive HTTPS connection: a warm-up,
 * then the measured calls. A call counts only when Antom's answer is {@code S}/{@code SUCCESS} and its signature
 * was verified (Holdfast: a {@code Succeeded} outcome; the SDK: a signed response, which it verifies or throws).
 * Prints one {@code RESULT} line for the parent.
 */
public final class ClientComparisonChild {

    private static final String CARD = "4054695723100768";

    /** One pay call; returns null on a verified success, else what went wrong. */
    @FunctionalInterface
    private interface Payer {
        String pay(String paymentRequestId) throws Exception;
    }

    private ClientComparisonChild() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = ClientComparison.options(args);
        String url = options.get("url");
        Path keys = Path.of(options.get("keys"));
        int threads = Integer.parseInt(options.get("threads"));
        int warmup = Integer.parseInt(options.get("warmup"));
        int calls = Integer.parseInt(options.get("calls"));
        String prefix = options.get("prefix") + options.get("client").toUpperCase(Locale.ROOT) + "_";
        String merchantPrivateKey = Files.readString(keys.resolve("merchant-private-key.txt")).trim();
        String sandboxPublicKey = Files.readString(keys.resolve("sandbox-public-key.txt")).trim();
        switch (options.get("client")) {
            case "holdfast" -> {
                X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(keys.resolve("sandbox-cert.pem"))));
                AlipayClientProperties properties = new AlipayClientProperties(URI.create(url),
                        ClientComparison.CLIENT_ID, new Signer(AlipayKeys.privateKey(merchantPrivateKey), 1),
                        KeyRing.single(AlipayKeys.publicKey(sandboxPublicKey)), null, null,
                        Tls.trusting(List.of(certificate)));
                try (AlipayClient client = AlipayClient.create(properties, Clock.systemUTC())) {
                    measure(id -> holdfastPay(client, id), prefix, threads, warmup, calls, options.get("jfr"));
                }
            }
            case "sdk" -> {
                SignedResponses client = new SignedResponses(url, merchantPrivateKey, sandboxPublicKey);
                measure(id -> sdkPay(client, id), prefix, threads, warmup, calls, options.get("jfr"));
            }
            default -> throw new IllegalArgumentException("--client=holdfast or --client=sdk");
        }
    }

    private static String holdfastPay(AlipayClient client, String paymentRequestId) {
        AlipayOutcome<PayResponse> outcome = client.pay(AlipayBenchmark.pay(paymentRequestId)).block();
        if (outcome instanceof AlipayOutcome.Succeeded<PayResponse> succeeded
                && "SUCCESS".equals(succeeded.response().result().resultCode())) {
            return null;
        }
        return String.valueOf(outcome);
    }

    private static String sdkPay(SignedResponses client, String paymentRequestId) {
        AlipayPayRequest request = sdkRequest(paymentRequestId);
        try {
            AlipayPayResponse response = client.execute(request);
            if (!client.lastResponseWasSigned()) {
                return "unsigned response (the SDK does not verify those): " + response.getResult();
            }
            if (response.getResult().getResultStatus() == ResultStatusType.S
                    && "SUCCESS".equals(response.getResult().getResultCode())) {
                return null;
            }
            return String.valueOf(response.getResult());
        } catch (AlipayApiException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /** The SDK's shape of {@link AlipayBenchmark#pay(String)}: the same fields and values. */
    private static AlipayPayRequest sdkRequest(String paymentRequestId) {
        Amount amount = Amount.builder().currency("USD").value("1999").build();
        AlipayPayRequest request = new AlipayPayRequest();
        request.setProductCode(ProductCodeType.CASHIER_PAYMENT);
        request.setPaymentRequestId(paymentRequestId);
        request.setOrder(Order.builder().referenceOrderId("ORD_" + paymentRequestId)
                .orderDescription("Order " + paymentRequestId).orderAmount(amount)
                .buyer(Buyer.builder().referenceBuyerId("U123").build()).build());
        request.setPaymentAmount(amount);
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("cardNo", CARD);
        card.put("cvv", "123");
        card.put("expiryYear", "28");
        card.put("expiryMonth", "06");
        Map<String, Object> name = new LinkedHashMap<>();
        name.put("firstName", "Alan");
        name.put("lastName", "Wallex");
        card.put("cardholderName", name);
        request.setPaymentMethod(PaymentMethod.builder().paymentMethodType("CARD").paymentMethodMetaData(card).build());
        request.setPaymentFactor(PaymentFactor.builder().isAuthorization(true).captureMode("MANUAL").build());
        request.setPaymentRedirectUrl("https://merchant.example/return");
        request.setEnv(Env.builder().terminalType(TerminalType.WEB).clientIp("1.2.3.4").build());
        return request;
    }

    /**
     * The warm-up, then the measured calls, recorded by JFR ("profile" settings, execution samples every 1 ms) into
     * {@code jfr} when not null.
     */
    private static void measure(Payer payer, String prefix, int threads, int warmup, int calls, String jfr)
            throws Exception {
        phase(payer, prefix + "WARM_", threads, warmup, false);
        System.out.println("MEASURING");
        if (jfr == null) {
            phase(payer, prefix, threads, calls, true);
            return;
        }
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
            recording.start();
            phase(payer, prefix, threads, calls, true);
            recording.stop();
            recording.dump(Path.of(jfr));
        }
    }

    private static void phase(Payer payer, String prefix, int threads, int calls, boolean report)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        LongAdder ok = new LongAdder();
        Map<String, LongAdder> failures = new ConcurrentHashMap<>();
        Latencies latencies = new Latencies(calls);
        CountDownLatch done = new CountDownLatch(threads);
        long cpuBefore = ThreadCpu.processCpuNanos();
        long kernelBefore = kernelNanos();
        Map<String, Long> groupsBefore = threadGroupNanos();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                try {
                    for (int i = next.getAndIncrement(); i < calls; i = next.getAndIncrement()) {
                        long sent = System.nanoTime();
                        String failure;
                        try {
                            failure = payer.pay(prefix + i);
                        } catch (Exception e) {
                            failure = e.toString();
                        }
                        if (failure == null) {
                            latencies.record(System.nanoTime() - sent);
                            ok.increment();
                        } else {
                            failures.computeIfAbsent(failure, k -> new LongAdder()).increment();
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "caller-" + t);
            thread.start();
        }
        done.await();
        long seconds = System.nanoTime() - start;
        long cpu = ThreadCpu.processCpuNanos() - cpuBefore;
        long kernel = kernelNanos() - kernelBefore;
        Map<String, Long> groups = threadGroupNanos();
        groups.replaceAll((group, nanos) -> nanos - groupsBefore.getOrDefault(group, 0L));
        long failed = failures.values().stream().mapToLong(LongAdder::sum).sum();
        failures.entrySet().stream().limit(5).forEach(failure ->
                System.out.printf("failure x%d: %s%n", failure.getValue().sum(), failure.getKey()));
        if (!report) {
            System.out.printf("warm-up: %d pays, %d verified successes, %d failures%n", calls, ok.sum(), failed);
            return;
        }
        System.out.printf("RESULT ok=%d failed=%d seconds=%.3f p50=%.3f p99=%.3f cpuNanos=%d kernelNanos=%d jitNanos=%d"
                + " gcNanos=%d%n", ok.sum(), failed, seconds / 1e9, latencies.quantileMillis(0.50),
                latencies.quantileMillis(0.99), cpu, kernel, groups.getOrDefault("jit", -1L),
                groups.getOrDefault("gc", -1L));
    }

    /**
     * CPU time on the cores per group of this process's threads, from {@code /proc/self/task/<tid>/schedstat} (its first
     * field: nanoseconds run): {@code jit} (the C1/C2 compiler threads), {@code gc} (the GC threads and the VM thread)
     * and {@code other}. JIT compilation still running after the warm-up is a warm-up effect, not the client's steady
     * cost, and it differs between clients; printing it shows how much of the measured CPU it is. Empty elsewhere.
     */
    private static Map<String, Long> threadGroupNanos() {
        Map<String, Long> groups = new LinkedHashMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim();
                    long nanos = Long.parseLong(Files.readString(task.resolve("schedstat")).trim().split(" ")[0]);
                    String group = name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler") ? "jit"
                            : name.startsWith("GC Thread") || name.equals("VM Thread") ? "gc" : "other";
                    groups.merge(group, nanos, Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException | RuntimeException e) {
            return new LinkedHashMap<>();
        }
        return groups;
    }

    /** The process's CPU time in the kernel (system calls, thread wake-ups), from /proc/self/stat; -1 elsewhere. */
    private static long kernelNanos() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[12]) * 10_000_000L; // stime, field 15, in clock ticks of 10 ms (USER_HZ 100)
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * The SDK's client, remembering per thread whether the last response carried a signature: the SDK verifies a
     * signed response (and throws when it does not verify) but silently skips an unsigned one.
     */
    private static final class SignedResponses extends DefaultAlipayClient {

        private final ThreadLocal<Boolean> signed = ThreadLocal.withInitial(() -> false);

        SignedResponses(String gatewayUrl, String merchantPrivateKey, String alipayPublicKey) {
            super(gatewayUrl, merchantPrivateKey, alipayPublicKey, ClientComparison.CLIENT_ID);
        }

        @Override
        public HttpRpcResult sendRequest(String requestUrl, String httpMethod, Map<String, String> header, String reqBody)
                throws AlipayApiException {
            HttpRpcResult result = super.sendRequest(requestUrl, httpMethod, header, reqBody);
            signed.set(result != null && result.getRspSign() != null && !result.getRspSign().isBlank());
            return result;
        }

        boolean lastResponseWasSigned() {
            return signed.get();
        }
    }
}
