package io.holdfast.alipay.sandbox.bench;

import io.holdfast.alipay.client.signing.AlipayKeys;
import io.holdfast.alipay.sandbox.AlipaySandbox;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark command, not a test: Holdfast's {@code AlipayClient} against the official Antom Java SDK
 * ({@code com.alipay.global.sdk:global-open-sdk-java}, test scope), both calling a sandbox over HTTPS with
 * keep-alive (a fresh one per child, in this parent JVM), each client in its own child JVM
 * ({@link ClientComparisonChild}), with the RSA floor measured right before each child. The figure that counts is
 * each child's process CPU per successful pay (GC and JIT included), as a multiple of the floor (one
 * SHA256withRSA-2048 sign plus one verify); the child also prints how much of it the JIT compiler threads took.
 *
 * <p>Options: {@code --calls=6000 --warmup=12000 --threads=4 --rounds=1 --rsa-ops=2000 --clients=holdfast,sdk
 * --child-java-options="-XX:+UseSerialGC -Xmx512m" --jfr=<directory>} (when set, each child records its measured
 * phase with JFR's "profile" settings into {@code <directory>/<client>-<round>.jfr}).
 * See alipay-sandbox/README.md ("Client comparison").
 */
public final class ClientComparison {

    static final String CLIENT_ID = "SANDBOX_CLIENT_COMPARISON";
    static final String LOGGING = "-Dlogback.configurationFile=alipay-sandbox-logback.xml";
    private static final String DEFAULT_CHILD_OPTIONS = "-XX:+UseSerialGC -Xmx512m";

    private ClientComparison() {
    }

    /** One child run's figures, parsed from its {@code RESULT} line. */
    private record Run(String client, int round, Map<String, String> values, String loadBefore, String loadAfter,
            double sandboxMicrosPerCall, double floorMicros) {

        double number(String key) {
            return Double.parseDouble(values.getOrDefault(key, "NaN"));
        }
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "alipay-sandbox-logback.xml");
        }
        Map<String, String> options = options(args);
        int calls = Integer.parseInt(options.getOrDefault("calls", "6000"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "12000"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "4"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "1"));
        int rsaOps = Integer.parseInt(options.getOrDefault("rsa-ops", "2000"));
        List<String> clients = List.of(options.getOrDefault("clients", "holdfast,sdk").split(","));
        List<String> childOptions = List.of(options.getOrDefault("child-java-options", DEFAULT_CHILD_OPTIONS)
                .trim().split("\\s+"));
        String jfr = options.get("jfr");
        System.out.printf("Client comparison: %d cores, Java %s, %s %s; load average %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("os.name"), System.getProperty("os.arch"), loadAverage());
        System.out.printf("child JVM options: %s %s; %d threads, warm-up %d, measured %d pays per client and round%n",
                String.join(" ", childOptions), LOGGING, threads, warmup, calls);

        KeyPair merchant = AlipayKeys.generate(new SecureRandom());
        RsaFloor floor = RsaFloor.measure(merchant, rsaOps);
        System.out.printf("RSA floor (this run, one thread's CPU): sign %.0f us + verify %.1f us = %.0f us per call%n",
                floor.signMicros(), floor.verifyMicros(), floor.signPlusVerifyMicros());

        Path dir = Files.createTempDirectory("client-comparison");
        List<Run> runs = new ArrayList<>();
        try {
            for (int round = 1; round <= rounds; round++) {
                // Odd rounds run the clients in the given order, even rounds in the reverse order, each against a
                // sandbox of its own: the sandbox's work per call grows with the payments it holds (it scans them
                // all on every call), so a client that always came second met a slower sandbox.
                List<String> order = new ArrayList<>(clients);
                if (round % 2 == 0) {
                    Collections.reverse(order);
                }
                for (String client : order) {
                    try (AlipaySandbox sandbox = AlipaySandbox.builder().client(CLIENT_ID, merchant.getPublic()).start()) {
                        writeKeys(dir, merchant, sandbox);
                        List<String> command = new ArrayList<>();
                        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
                        command.addAll(childOptions);
                        command.add(LOGGING);
                        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                                ClientComparisonChild.class.getName(), "--client=" + client,
                                "--url=" + sandbox.httpsBaseUrl(), "--keys=" + dir, "--threads=" + threads,
                                "--warmup=" + warmup, "--calls=" + calls, "--prefix=R" + round + "_"));
                        if (jfr != null) {
                            command.add("--jfr=" + Path.of(jfr, client + "-" + round + ".jfr").toAbsolutePath());
                        }
                        // The floor again right before each child: on a shared machine the CPU time of one
                        // signature moves with the load (2 cores, hyperthreads of other builds), so each child is
                        // compared with a floor measured under the same conditions, not one taken minutes earlier.
                        RsaFloor near = RsaFloor.measure(merchant, rsaOps);
                        runs.add(runChild(client, round, command, near.signPlusVerifyMicros()));
                    }
                }
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(dir);
        }
        print(runs, floor);
    }

    /** The keys and the certificate of this sandbox, for the child: files, not arguments (ps shows arguments). */
    private static void writeKeys(Path dir, KeyPair merchant, AlipaySandbox sandbox) throws IOException {
        Base64.Encoder base64 = Base64.getEncoder();
        Files.writeString(dir.resolve("merchant-private-key.txt"), base64.encodeToString(merchant.getPrivate().getEncoded()));
        Files.writeString(dir.resolve("sandbox-public-key.txt"),
                base64.encodeToString(sandbox.sandboxPublicKey().getEncoded()));
        Files.writeString(dir.resolve("sandbox-cert.pem"), sandbox.certificatePem());
    }

    private static Run runChild(String client, int round, List<String> command, double floorMicros)
            throws IOException, InterruptedException {
        String loadBefore = loadAverage();
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        Map<String, String> values = new LinkedHashMap<>();
        long sandboxBefore = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("MEASURING")) {
                    sandboxBefore = ThreadCpu.processCpuNanos();
                } else if (line.startsWith("RESULT ")) {
                    values.put("sandboxNanos", Long.toString(ThreadCpu.processCpuNanos() - sandboxBefore));
                    for (String item : line.substring("RESULT ".length()).split(" ")) {
                        String[] pair = item.split("=", 2);
                        values.put(pair[0], pair[1]);
                    }
                } else {
                    System.out.printf("  [%s %d] %s%n", client, round, line);
                }
            }
        }
        int exit = child.waitFor();
        if (exit != 0 || values.isEmpty()) {
            throw new IllegalStateException(client + " child exited with " + exit + " and no result");
        }
        double ok = Double.parseDouble(values.get("ok"));
        return new Run(client, round, values, loadBefore, loadAverage(),
                Double.parseDouble(values.get("sandboxNanos")) / 1e3 / ok, floorMicros);
    }

    private static void print(List<Run> runs, RsaFloor floor) {
        System.out.printf("%n%-9s %5s %7s %8s %8s %9s %7s %8s %8s %9s %8s %8s %8s %12s %s%n", "client", "round", "ok",
                "failed", "calls/s", "p50 ms", "p99 ms", "CPU/call", "floor", "x floor", "kernel", "JIT", "GC",
                "sandbox/call", "load average before -> after");
        for (Run run : runs) {
            double cpuMicros = cpuMicros(run);
            System.out.printf("%-9s %5d %7.0f %8.0f %8.0f %9.2f %7.2f %6.0f us %5.0f us %9.2f %5.0f us %5.0f us %5.0f us"
                    + " %9.0f us  %s -> %s%n",
                    run.client(), run.round(), run.number("ok"), run.number("failed"),
                    run.number("ok") / run.number("seconds"), run.number("p50"), run.number("p99"), cpuMicros,
                    run.floorMicros(), cpuMicros / run.floorMicros(), run.number("kernelNanos") / 1e3 / run.number("ok"),
                    run.number("jitNanos") / 1e3 / run.number("ok"), run.number("gcNanos") / 1e3 / run.number("ok"),
                    run.sandboxMicrosPerCall(), run.loadBefore(), run.loadAfter());
        }
        for (Run holdfast : runs) {
            runs.stream()
                    .filter(sdk -> holdfast.client().equals("holdfast") && sdk.client().equals("sdk")
                            && sdk.round() == holdfast.round())
                    .forEach(sdk -> System.out.printf("round %d: Holdfast / SDK CPU per pay = %.2f, in floors %.2f%n",
                            holdfast.round(), cpuMicros(holdfast) / cpuMicros(sdk),
                            (cpuMicros(holdfast) / holdfast.floorMicros()) / (cpuMicros(sdk) / sdk.floorMicros())));
        }
        System.out.printf("floor: one SHA256withRSA-2048 sign + verify, measured in this JVM right before each child (at"
                + " the start: %.0f us). CPU/call = the child JVM's process CPU (all threads, GC, JIT, kernel) over the"
                + " measured pays / successful pays; kernel = the part of it spent in the kernel; JIT = the part run by the"
                + " C1/C2 compiler threads (still compiling after the warm-up); GC = the GC threads' and the VM thread's.%n",
                floor.signPlusVerifyMicros());
    }

    private static double cpuMicros(Run run) {
        return run.number("cpuNanos") / 1e3 / run.number("ok");
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return String.join(" ", Arrays.copyOf(fields, 3));
        } catch (IOException | UncheckedIOException e) {
            return "n/a";
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            String[] parts = arg.substring(2).split("=", 2);
            options.put(parts[0], parts[1]);
        }
        return options;
    }
}
