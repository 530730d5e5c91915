package io.holdfast.ingest.bench;

import io.holdfast.alipay.client.signing.AlipayKeys;
import io.holdfast.alipay.client.signing.SignedContent;
import io.holdfast.alipay.client.signing.Signer;
import io.holdfast.ingest.NotificationIngestApplication;
import io.holdfast.schemas.Topics;
import io.holdfast.schemas.registry.EmbeddedSchemaRegistry;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * Benchmark (not a test): starts notification-ingest against an in-process Kafka broker (KRaft) and the embedded
 * schema registry, then fires correctly signed, distinct notifyPayment notifications over loopback with bounded
 * concurrency and prints verified-and-stored notifications per second and p50/p99 acknowledgement latency.
 *
 * <p>Arguments: {@code --seconds=10 --concurrency=32 --warmup=5000}. Every request carries a distinct body (so each
 * one is really verified and published, not short-cut by the dedupe), which means every body is RSA-signed before
 * the clock starts; signing is the slow part of the set-up (~1.6 ms per signature per core).
 */
public final class NotificationBenchmark {

    private static final String PATH = "/alipay/notifications/payment";
    private static final String CLIENT_ID = "BENCH_CLIENT";
    private static final String TIME = "1767225600000";
    private static final String SUCCESS =
            "{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"}}";
    private static final int PLANNED_RATE = 8_000;

    private NotificationBenchmark() {
    }

    /** A pre-signed request. */
    private record Signed(byte[] body, String signature) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "10"));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "32"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "5000"));
        int pool = Integer.parseInt(options.getOrDefault("pool", Integer.toString(warmup + seconds * PLANNED_RATE)));

        KeyPair antom = AlipayKeys.generate(new SecureRandom());
        KeyPair merchant = AlipayKeys.generate(new SecureRandom());
        out("signing %,d distinct notifications (RSA-2048) ...", pool);
        long signStart = System.nanoTime();
        Signer signer = new Signer(antom.getPrivate(), 1);
        List<Signed> requests = IntStream.range(0, pool).parallel().mapToObj(i -> {
            byte[] body = body(i).getBytes(StandardCharsets.UTF_8);
            return new Signed(body, signer.sign(SignedContent.ofPost(PATH, CLIENT_ID, TIME, body)).format());
        }).toList();
        out("signed in %.1f s", (System.nanoTime() - signStart) / 1e9);

        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1, Topics.ALIPAY_NOTIFICATIONS);
        broker.afterPropertiesSet();
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.startOnFreePort();
                ConfigurableApplicationContext app = start(broker, registry, antom, merchant)) {
            int port = Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
            ConnectionProvider connections = ConnectionProvider.builder("bench").maxConnections(concurrency)
                    .pendingAcquireMaxCount(-1).build();
            // the load generator gets its own event loops, so its CPU can be told apart from the service's
            LoopResources clientLoops = LoopResources.create("bench-client", 1, true);
            HttpClient http = HttpClient.create(connections).runOn(clientLoops).baseUrl("http://127.0.0.1:" + port);

            out("warm-up: %,d requests", warmup);
            Run warm = fire(http, requests.subList(0, Math.min(warmup, pool)), concurrency, Duration.ofMinutes(5));
            out("warm-up done (%d failures)", warm.failures.get());

            List<Signed> measured = requests.subList(Math.min(warmup, pool), pool);
            out("measuring: up to %d s, concurrency %d, %,d distinct signed notifications available", seconds,
                    concurrency, measured.size());
            Map<String, Long> cpuBefore = CpuByRole.snapshot();
            Run run = fire(http, measured, concurrency, Duration.ofSeconds(seconds));
            Map<String, Long> cpuAfter = CpuByRole.snapshot();
            report(run, broker);
            CpuByRole.print(cpuBefore, cpuAfter, run.count.get());
            connections.dispose();
            clientLoops.dispose();
        } finally {
            broker.destroy();
        }
    }

    private static ConfigurableApplicationContext start(EmbeddedKafkaKraftBroker broker,
            EmbeddedSchemaRegistry registry, KeyPair antom, KeyPair merchant) {
        Map<String, Object> p = new HashMap<>();
        p.put("server.port", "0");
        p.put("logging.level.root", "WARN");
        p.put("spring.kafka.bootstrap-servers", broker.getBrokersAsString());
        p.put("spring.kafka.producer.properties.schema.registry.url", registry.url());
        p.put("holdfast.ingest.antom.client-id", CLIENT_ID);
        p.put("holdfast.ingest.antom.alipay-public-keys.1", AlipayKeys.toBase64(antom.getPublic()));
        p.put("holdfast.ingest.antom.merchant-private-key", AlipayKeys.toBase64(merchant.getPrivate()));
        p.put("holdfast.ingest.antom.gateway-url", "http://127.0.0.1:9");
        p.put("holdfast.ingest.antom.allow-plain-http", "true");
        // as command-line arguments: they outrank application.yml (builder "properties" would not)
        String[] arguments = p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(NotificationIngestApplication.class).run(arguments);
    }

    /** The outcome of one phase. */
    private static final class Run {
        final long[] latencies;
        final AtomicInteger count = new AtomicInteger();
        final AtomicInteger failures = new AtomicInteger();
        final AtomicLong lastDone = new AtomicLong();
        long start;

        Run(int capacity) {
            latencies = new long[capacity];
        }
    }

    private static Run fire(HttpClient http, List<Signed> requests, int concurrency, Duration limit) {
        Run run = new Run(requests.size());
        run.start = System.nanoTime();
        long deadline = run.start + limit.toNanos();
        Flux.fromIterable(requests)
                .takeWhile(r -> System.nanoTime() < deadline)
                .flatMap(r -> send(http, r, run), concurrency)
                .blockLast();
        return run;
    }

    private static Mono<Void> send(HttpClient http, Signed request, Run run) {
        long begin = System.nanoTime();
        return http.post().uri(PATH)
                .send((req, out) -> {
                    req.header("Content-Type", "application/json; charset=UTF-8").header("client-id", CLIENT_ID)
                            .header("request-time", TIME).header("signature", request.signature())
                            .header("Content-Length", Integer.toString(request.body().length));
                    return out.send(Mono.just(Unpooled.wrappedBuffer(request.body())));
                })
                .responseSingle((response, body) -> body.asString().defaultIfEmpty("")
                        .map(text -> response.status().code() == 200 && SUCCESS.equals(text)))
                .onErrorReturn(false)
                .doOnNext(ok -> {
                    long end = System.nanoTime();
                    if (ok) {
                        run.latencies[run.count.getAndIncrement()] = end - begin;
                    } else {
                        run.failures.incrementAndGet();
                    }
                    run.lastDone.accumulateAndGet(end, Math::max);
                })
                .then();
    }

    private static void report(Run run, EmbeddedKafkaKraftBroker broker) {
        int n = run.count.get();
        double elapsed = (run.lastDone.get() - run.start) / 1e9;
        long[] sorted = Arrays.copyOf(run.latencies, n);
        Arrays.sort(sorted);
        out("");
        out("acknowledged (verified + stored on Kafka): %,d in %.2f s, failures %d", n, elapsed, run.failures.get());
        out("throughput: %,.0f notifications/s", n / elapsed);
        out("ack latency p50 %.2f ms, p99 %.2f ms, max %.2f ms", percentile(sorted, 0.50), percentile(sorted, 0.99),
                n == 0 ? 0 : sorted[n - 1] / 1e6);
        out("records on %s: %,d (warm-up included)", Topics.ALIPAY_NOTIFICATIONS, endOffset(broker));
        out("cores available: %d", Runtime.getRuntime().availableProcessors());
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)]
                / 1e6;
    }

    private static long endOffset(EmbeddedKafkaKraftBroker broker) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(Topics.ALIPAY_NOTIFICATIONS, 0);
            return consumer.endOffsets(List.of(partition)).get(partition);
        }
    }

    private static String body(int i) {
        return "{\"notifyType\":\"PAYMENT_RESULT\",\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\","
                + "\"resultMessage\":\"success\"},\"paymentRequestId\":\"bench-" + i + "\",\"paymentId\":\"pay-bench-"
                + i + "\",\"paymentAmount\":{\"value\":\"" + (1000 + i % 9000) + "\",\"currency\":\"USD\"},"
                + "\"paymentCreateTime\":\"2026-01-01T12:01:00+08:00\",\"paymentTime\":\"2026-01-01T12:01:01+08:00\","
                + "\"authExpiryTime\":\"2026-01-08T12:01:01+08:00\"}";
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        return options;
    }

    @SuppressWarnings("java:S106")
    private static void out(String format, Object... values) {
        System.out.println(String.format(format, values));
    }
}
