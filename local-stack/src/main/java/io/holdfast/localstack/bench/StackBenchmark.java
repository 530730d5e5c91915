package io.holdfast.localstack.bench;

import io.holdfast.localstack.ChildProcess;
import io.holdfast.localstack.LocalStack;
import io.holdfast.localstack.RunningStack;
import io.holdfast.localstack.StackConfig;
import io.holdfast.localstack.merchant.EventTap;
import io.holdfast.localstack.merchant.MerchantKafka;
import io.holdfast.localstack.merchant.PaymentCommands;
import io.holdfast.localstack.merchant.SandboxMerchant;
import io.holdfast.schemas.Topics;
import io.holdfast.schemas.command.PaymentCommand;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Pushes N payments of mixed flows through a freshly started local stack (free ports, temporary home) and prints
 * throughput, p50/p99 latency from the first command to the payment's final event, CPU seconds per payment of each
 * process, and the RSA sign + verify floor measured in the same run.
 *
 * <pre>
 * java -cp local-stack/target/local-stack.jar -Dloader.main=io.holdfast.localstack.bench.StackBenchmark \
 *     org.springframework.boot.loader.launch.PropertiesLauncher --payments=300 --in-flight=30 [--warm-up=3000]
 * </pre>
 */
public final class StackBenchmark {

    private final PrintStream out;
    private final int payments;
    private final int inFlight;
    private final Duration timeout;
    private final int sequential;
    private final int idleSeconds;
    private final int warmUp;

    private StackBenchmark(PrintStream out, int payments, int inFlight, Duration timeout, int sequential,
            int idleSeconds, int warmUp) {
        this.out = out;
        this.payments = payments;
        this.inFlight = inFlight;
        this.timeout = timeout;
        this.sequential = sequential;
        this.idleSeconds = idleSeconds;
        this.warmUp = warmUp;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        StackBenchmark benchmark = new StackBenchmark(System.out,
                Integer.parseInt(options.getOrDefault("payments", "200")),
                Integer.parseInt(options.getOrDefault("in-flight", "20")),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("timeout-seconds", "180"))),
                Integer.parseInt(options.getOrDefault("sequential", "40")),
                Integer.parseInt(options.getOrDefault("idle-seconds", "15")),
                Integer.parseInt(options.getOrDefault("warm-up", "0")));
        Path home = Files.createTempDirectory("holdfast-bench");
        Path repository = Path.of(System.getProperty("holdfast.repo", ".")).toAbsolutePath().normalize();
        boolean ok;
        try (RunningStack stack = LocalStack.start(StackConfig.onFreePorts(home, repository), System.out)) {
            ok = benchmark.run(stack);
        }
        System.exit(ok ? 0 : 1);
    }

    private boolean run(RunningStack stack) throws Exception {
        long startWait = System.nanoTime();
        while (!stack.notYetHealthy().isEmpty()) {
            if (System.nanoTime() - startWait > Duration.ofSeconds(150).toNanos()) {
                out.println("FAILED: not healthy within 150 s: " + stack.notYetHealthy());
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        if (!stack.missingModules().isEmpty()) {
            out.println("FAILED: modules not built: " + stack.missingModules().keySet());
            return false;
        }
        Clock clock = Clock.systemUTC();
        SandboxMerchant sandbox = new SandboxMerchant(stack.endpoints(), clock);
        String card = sandbox.vaultCard(SandboxMerchant.APPROVING_CARD);
        PaymentCommands commands = new PaymentCommands(clock, () -> UUID.randomUUID().toString());
        try (EventTap tap = new EventTap(stack.endpoints(), "holdfast-bench-" + UUID.randomUUID());
             KafkaProducer<String, PaymentCommand> producer = new KafkaProducer<>(MerchantKafka.producer(stack.endpoints()))) {
            LoadDriver driver = new LoadDriver(clock, commands, card,
                    command -> producer.send(new ProducerRecord<>(Topics.PAYMENTS_COMMANDS, command.getPaymentRequestId(), command)));
            tap.addRecordListener(driver::onEvent);
            int warmUp = this.warmUp > 0 ? this.warmUp : Math.max(10, payments / 5);
            out.printf("%nwarming up with %d payments …%n", warmUp);
            driver.run("warm", warmUp, inFlight, timeout);
            Map<LoadDriver.Flow, LoadDriver.Result> oneAtATime = new EnumMap<>(LoadDriver.Flow.class);
            Map<LoadDriver.Flow, SandboxTime> sandboxTimes = new EnumMap<>(LoadDriver.Flow.class);
            for (LoadDriver.Flow flow : List.of(LoadDriver.Flow.DECLINE, LoadDriver.Flow.AUTOMATIC,
                    LoadDriver.Flow.CANCEL, LoadDriver.Flow.MANUAL)) {
                if (sequential > 0) {
                    out.printf("one at a time: %d %s payments …%n", sequential, flow);
                    JsonNode timesBefore = servingTimes(sandbox);
                    // a short label: the DECLINE flow's order reference carries the paymentRequestId and has a length limit
                    oneAtATime.put(flow, driver.run("s" + flow.name().charAt(0), sequential, 1, timeout, flow));
                    sandboxTimes.put(flow, SandboxTime.between(timesBefore, servingTimes(sandbox), sequential));
                }
            }
            out.printf("measuring %d s of idle CPU (pollers, heartbeats) …%n", idleSeconds);
            // let the last payments' stragglers (notifications, metrics) and the JIT compilers settle
            TimeUnit.SECONDS.sleep(5);
            Map<String, Double> idleStart = cpu(stack);
            Map<String, Double> jitStart = compilerCpu(stack);
            long idleBegin = System.nanoTime();
            TimeUnit.SECONDS.sleep(idleSeconds);
            Map<String, Double> idle = rates(idleStart, cpu(stack), System.nanoTime() - idleBegin);
            Map<String, Double> idleJit = rates(jitStart, compilerCpu(stack), System.nanoTime() - idleBegin);
            Map<String, Double> before = cpu(stack);
            Map<String, Double> jitBefore = compilerCpu(stack);
            Map<String, Double> jvmPartsBefore = localStackJvmParts();
            long measureBegin = System.nanoTime();
            out.printf("measuring %d payments, at most %d in flight …%n", payments, inFlight);
            LoadDriver.Result result = driver.run("bench", payments, inFlight, timeout);
            Map<String, Double> after = cpu(stack);
            Map<String, Double> jit = rates(jitBefore, compilerCpu(stack), 1_000_000_000L);
            Map<String, Double> jvmParts = new LinkedHashMap<>();
            localStackJvmParts().forEach((part, seconds) ->
                    jvmParts.put(part, seconds - jvmPartsBefore.getOrDefault(part, 0.0)));
            double window = (System.nanoTime() - measureBegin) / 1e9;
            double floor = RsaFloor.millisPerPair(400);
            oneAtATime.forEach((flow, sequentialResult) -> {
                out.printf("%none at a time, %s: %d/%d, p50 %d ms, p99 %d ms; per event (flow, event: hop p50/p99):%n",
                        flow, sequentialResult.completed(), sequential, sequentialResult.percentile(50),
                        sequentialResult.percentile(99));
                sequentialResult.incomplete().forEach((f, count) -> out.printf("  INCOMPLETE %s: %d%n", f, count));
                sequentialResult.unexpected().forEach((f, count) -> out.printf("  UNEXPECTED OUTCOME %s%n", f));
                sequentialResult.hopLines().forEach((key, line) -> out.printf("  %-34s %s%n", key, line));
                SandboxTime antom = sandboxTimes.get(flow);
                out.printf("  the sandbox's own time per payment (\"Antom\"): API calls %.1f ms %s, notifications "
                        + "%.1f ms (%.1f per payment, not subtracted); Holdfast-added p50 ≈ %.1f ms%n", antom.apiMillis(),
                        antom.apiCalls(), antom.notifyMillis(), antom.notificationsPerPayment(),
                        sequentialResult.percentile(50) - antom.apiMillis());
            });
            report(result, before, after, idle, jit, window, floor);
            out.printf("    of the local-stack JVM, by thread (raw, live threads): %s%n", jvmPartsLine(jvmParts, result));
            table(oneAtATime, sandboxTimes, result, before, after, idle, idleJit, jit, window, floor, jvmParts);
            boolean sequentialComplete = oneAtATime.values().stream()
                    .allMatch(r -> r.completed() == sequential && r.unexpected().isEmpty());
            return result.completed() == payments && result.unexpected().isEmpty() && sequentialComplete;
        }
    }

    /**
     * The sandbox's own time ({@code GET /sandbox/control/timings}) over one flow's sequential payments, per payment:
     * its API answers, on the critical path of every one-at-a-time flow (Holdfast waits for each), and its notification
     * dispatch (signing), left in Holdfast's share since a notification is sometimes and sometimes not on the path.
     */
    record SandboxTime(double apiMillis, Map<String, Double> callsPerPayment, double notifyMillis,
            double notificationsPerPayment) {

        static SandboxTime between(JsonNode before, JsonNode after, int payments) {
            double apiMicros = 0;
            double notifyMicros = 0;
            double notifications = 0;
            Map<String, Long> calls = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> kind : after.properties()) {
                long count = kind.getValue().path("count").asLong() - before.path(kind.getKey()).path("count").asLong();
                long micros = kind.getValue().path("totalMicros").asLong()
                        - before.path(kind.getKey()).path("totalMicros").asLong();
                if (count == 0) {
                    continue;
                }
                if ("NOTIFY".equals(kind.getKey())) {
                    notifyMicros += micros;
                    notifications += count;
                } else {
                    apiMicros += micros;
                    calls.put(kind.getKey(), count);
                }
            }
            int n = Math.max(1, payments);
            Map<String, Double> perPayment = new LinkedHashMap<>();
            calls.forEach((api, count) -> perPayment.put(api, (double) count / n));
            return new SandboxTime(apiMicros / n / 1000, perPayment, notifyMicros / n / 1000, notifications / n);
        }

        /** The calls per payment as the table prints them, e.g. {@code (pay 1.0 inquiryPayment 0.1 per payment)}. */
        String apiCalls() {
            StringBuilder text = new StringBuilder("(");
            callsPerPayment.forEach((api, count) -> text.append(text.length() > 1 ? " " : "").append(api).append(' ')
                    .append(String.format(Locale.ROOT, "%.1f", count)));
            return text.append(" per payment)").toString();
        }
    }

    /**
     * The sandbox's own time so far; an empty object from a sandbox without {@code GET /sandbox/control/timings} (an
     * older build's, run with {@code -Dholdfast.repo}): its time is then not subtracted.
     */
    private JsonNode servingTimes(SandboxMerchant sandbox) {
        try {
            return sandbox.servingTimes();
        } catch (IllegalStateException e) {
            out.println("  (this sandbox does not report its own time: Holdfast-added figures include it)");
            return JsonNodeFactory.instance.objectNode();
        }
    }

    /** The comparison table (issue 15), from this run. */
    private void table(Map<LoadDriver.Flow, LoadDriver.Result> oneAtATime,
            Map<LoadDriver.Flow, SandboxTime> sandboxTimes, LoadDriver.Result mixed,
            Map<String, Double> before, Map<String, Double> after, Map<String, Double> idle,
            Map<String, Double> idleJit, Map<String, Double> jit, double window, double floor,
            Map<String, Double> jvmParts) {
        int n = Math.max(1, mixed.completed());
        double servicesNet = 0;
        double servicesJit = 0;
        for (String process : List.of(LocalStack.INGEST, LocalStack.AUTHORIZATION, LocalStack.CAPTURE)) {
            servicesNet += Math.max(0, after.get(process) - before.get(process) - idle.get(process) * window) / n * 1000;
            servicesJit += jit.get(process) / n * 1000;
        }
        double[] load = loadAverage();
        out.printf("%n| what | this run (load average %.2f %.2f %.2f) |%n|---|---|%n", load[0], load[1], load[2]);
        for (LoadDriver.Flow flow : List.of(LoadDriver.Flow.DECLINE, LoadDriver.Flow.AUTOMATIC,
                LoadDriver.Flow.CANCEL, LoadDriver.Flow.MANUAL)) {
            LoadDriver.Result r = oneAtATime.get(flow);
            if (r != null) {
                SandboxTime antom = sandboxTimes.get(flow);
                out.printf("| one at a time, command → final event, %s | p50 %d ms, p99 %d ms; the sandbox's API "
                        + "answers %.1f ms per payment: Holdfast-added p50 ≈ %.1f ms, p99 ≈ %.1f ms |%n", flow,
                        r.percentile(50), r.percentile(99), antom.apiMillis(), r.percentile(50) - antom.apiMillis(),
                        r.percentile(99) - antom.apiMillis());
            }
        }
        out.printf("| %d in flight, mixed workload | %.1f payments/s, p50 %d ms, p99 %d ms |%n", inFlight,
                mixed.completed() / Math.max(0.001, mixed.elapsed().toMillis() / 1000.0), mixed.percentile(50),
                mixed.percentile(99));
        out.printf("| CPU per payment of the three services, mixed, idle subtracted | %.1f ms = %.1f × one RSA sign "
                + "+ verify (%.2f ms); of it the JIT compiler threads %.1f ms, the rest %.1f ms = %.1f × |%n", servicesNet,
                servicesNet / floor, floor, servicesJit, servicesNet - servicesJit, (servicesNet - servicesJit) / floor);
        out.printf("| CPU per payment beside the three services, mixed, raw | sandbox %.1f ms, PostgreSQL %.1f ms, "
                + "payment-view %.1f ms, local-stack JVM %.1f ms (%s) |%n",
                perPayment(before, after, LocalStack.SANDBOX, n), perPayment(before, after, "PostgreSQL", n),
                perPayment(before, after, LocalStack.VIEW, n), perPayment(before, after, "local-stack JVM", n),
                jvmPartsLine(jvmParts, mixed));
        out.printf("| CPU of the services when idle (%d s; in brackets: without the JIT compiler threads, still "
                + "compiling after the load) | notification-ingest %.1f %% (%.1f %%), authorization %.1f %% (%.1f %%), "
                + "capture %.1f %% (%.1f %%) of a core |%n", idleSeconds,
                idle.get(LocalStack.INGEST) * 100, (idle.get(LocalStack.INGEST) - idleJit.get(LocalStack.INGEST)) * 100,
                idle.get(LocalStack.AUTHORIZATION) * 100,
                (idle.get(LocalStack.AUTHORIZATION) - idleJit.get(LocalStack.AUTHORIZATION)) * 100,
                idle.get(LocalStack.CAPTURE) * 100,
                (idle.get(LocalStack.CAPTURE) - idleJit.get(LocalStack.CAPTURE)) * 100);
    }

    private static double perPayment(Map<String, Double> before, Map<String, Double> after, String process, int n) {
        return (after.get(process) - before.get(process)) / n * 1000;
    }

    /** The local-stack JVM's CPU per payment by part, largest first, e.g. {@code Kafka broker 9.1 ms, ...}. */
    private static String jvmPartsLine(Map<String, Double> jvmParts, LoadDriver.Result result) {
        int n = Math.max(1, result.completed());
        StringBuilder line = new StringBuilder();
        jvmParts.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(part -> line.append(line.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT,
                        "%s %.1f ms", part.getKey(), part.getValue() / n * 1000)));
        return line.toString();
    }

    private static double[] loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return new double[] {Double.parseDouble(fields[0]), Double.parseDouble(fields[1]),
                Double.parseDouble(fields[2])};
        } catch (IOException | RuntimeException e) {
            return new double[] {-1, -1, -1};
        }
    }

    /** CPU seconds of the services' JIT compiler threads so far. */
    private static Map<String, Double> compilerCpu(RunningStack stack) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (String module : List.of(LocalStack.INGEST, LocalStack.AUTHORIZATION, LocalStack.CAPTURE)) {
            seconds.put(module, ProcessCpu.compilerSeconds(stack.child(module).orElseThrow().pid()));
        }
        return seconds;
    }

    private Map<String, Double> cpu(RunningStack stack) throws Exception {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (String module : List.of(LocalStack.INGEST, LocalStack.AUTHORIZATION, LocalStack.CAPTURE, LocalStack.SANDBOX,
                LocalStack.VIEW)) {
            ChildProcess child = stack.child(module).orElseThrow();
            seconds.put(module, ProcessCpu.seconds(child.pid()));
        }
        Path postmaster = stack.config().home().resolve("postgres/postmaster.pid");
        seconds.put("PostgreSQL", Files.exists(postmaster)
                ? ProcessCpu.seconds(Long.parseLong(Files.readAllLines(postmaster).get(0).strip())) : 0.0);
        seconds.put("local-stack JVM", localStackJvmSeconds());
        return seconds;
    }

    /** CPU seconds used so far by this JVM's live threads, by what they serve ({@link #jvmPart(String)}). */
    static Map<String, Double> localStackJvmParts() {
        return ProcessCpu.threadSeconds(ProcessHandle.current().pid(), StackBenchmark::jvmPart);
    }

    /**
     * What a thread of this JVM serves, from its name as {@code /proc/<pid>/task/<tid>/comm} gives it (the first 15
     * characters): the load driver (the main thread, the merchant consumer and producer, the HTTP client to the
     * sandbox), the schema registry's HTTP server, the JIT compilers, the garbage collector and the JVM's own
     * housekeeping, and everything else, the Kafka broker and controller (request handlers, network threads, group
     * coordinator, log and raft threads).
     */
    static String jvmPart(String threadName) {
        if (threadName.equals("java")) {
            // the main thread's comm is the launcher's name
            return "load driver";
        }
        for (Map.Entry<String, List<String>> part : JVM_PARTS.entrySet()) {
            if (part.getValue().stream().anyMatch(threadName::startsWith)) {
                return part.getKey();
            }
        }
        return "Kafka broker";
    }

    /** Thread name prefixes of the parts of this JVM that are not the Kafka broker. */
    private static final Map<String, List<String>> JVM_PARTS = Map.of(
            "JIT compiler", List.of("C1 Compiler", "C2 Compiler"),
            "GC and VM", List.of("GC Thread", "G1 ", "VM ", "JFR", "Sweeper", "Service Thread", "Common-Cleaner"),
            "schema registry", List.of("schema-registry", "HTTP-Dispatcher"),
            "load driver", List.of("event-tap-", "kafka-producer", "kafka-coordinat", "HttpClient"));

    /**
     * CPU seconds used so far by this JVM's own threads: the Kafka broker, the schema registry and the load driver. Not
     * its descendants: the services, the sandbox and PostgreSQL are its child processes and have rows of their own.
     */
    static double localStackJvmSeconds() {
        return ProcessCpu.ownSeconds(ProcessHandle.current().pid());
    }

    /** CPU seconds per wall second of each process between two samples. */
    private static Map<String, Double> rates(Map<String, Double> from, Map<String, Double> to, long nanos) {
        Map<String, Double> rates = new LinkedHashMap<>();
        from.forEach((process, seconds) -> rates.put(process, (to.get(process) - seconds) / (nanos / 1e9)));
        return rates;
    }

    private void report(LoadDriver.Result result, Map<String, Double> before, Map<String, Double> after,
                        Map<String, Double> idle, Map<String, Double> jit, double window, double floor) {
        int n = Math.max(1, result.completed());
        out.println();
        out.printf("Holdfast stack benchmark: %d payments %s, at most %d in flight%n", payments, result.mix(), inFlight);
        out.printf("  completed %d/%d in %.1f s: %.1f payments/s%n", result.completed(), payments,
                result.elapsed().toMillis() / 1000.0, result.completed() / Math.max(0.001, result.elapsed().toMillis() / 1000.0));
        result.incomplete().forEach((flow, count) -> out.printf("  INCOMPLETE %s: %d without their final event%n", flow, count));
        result.unexpected().forEach((outcome, count) -> out.printf("  UNEXPECTED OUTCOME %s: %d%n", outcome, count));
        out.printf("  latency, first command → final event: p50 %d ms, p99 %d ms%n", result.percentile(50), result.percentile(99));
        result.perFlow().forEach((flow, line) -> out.printf("    %-10s %s%n", flow, line));
        out.printf("  CPU per payment (utime+stime from /proc/<pid>/stat over the %.1f s window; 'less idle' subtracts%n"
                + "  each process's idle rate measured just before):%n", window);
        out.printf("    %-24s %11s %11s %18s%n", "", "raw", "less idle", "JIT compiler");
        double services = 0;
        double servicesNet = 0;
        double servicesJit = 0;
        for (String process : before.keySet()) {
            double used = after.get(process) - before.get(process);
            double perPayment = used / n * 1000;
            double net = Math.max(0, used - idle.get(process) * window) / n * 1000;
            boolean ours = List.of(LocalStack.INGEST, LocalStack.AUTHORIZATION, LocalStack.CAPTURE).contains(process);
            String compiler = "";
            if (ours) {
                services += perPayment;
                servicesNet += net;
                servicesJit += jit.get(process) / n * 1000;
                compiler = String.format("   %8.2f ms", jit.get(process) / n * 1000);
            }
            out.printf("    %-24s %8.2f ms %8.2f ms%s%n", process, perPayment, net, ours ? compiler : switch (process) {
                case LocalStack.SANDBOX -> "   (emulated Antom, not ours)";
                case "PostgreSQL" -> "   (infrastructure)";
                case LocalStack.VIEW -> "   (Holdfast's read model, not one of the three)";
                default -> "   (infrastructure: Kafka broker, schema registry, and this load driver)";
            });
        }
        out.printf("    %-24s %8.2f ms %8.2f ms   %8.2f ms   = %.1f × the RSA floor (less idle)%n",
                "Holdfast services", services, servicesNet, servicesJit, servicesNet / floor);
        out.printf("  'JIT compiler': CPU of the services' C1/C2 compiler threads in the window (part of 'raw'): the%n"
                + "  services still compiling their hot paths; --warm-up=<payments> (default payments/5) runs longer first%n");
        out.printf("  RSA floor (same run): one SHA256withRSA-2048 sign + verify = %.2f ms CPU%n", floor);
    }
}
