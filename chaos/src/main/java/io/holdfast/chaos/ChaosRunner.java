package io.holdfast.chaos;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code java -jar chaos/target/chaos.jar [--payments=2000] [--faults=30] [--seed=N] [--replicas=2]
 * [--in-flight=40] [--postgres-outage=10-60] [--kafka-outage=10-30] [--profile=full|ci]}: a chaos run on a fresh
 * local stack under {@code target/chaos-run} (or {@code -Dholdfast.home}), with the modules' jars looked up under
 * the working directory (or {@code -Dholdfast.repo}). Prints the report and exits 0 only when every audit count is 0.
 */
public final class ChaosRunner {

    private static final Set<String> OPTIONS = Set.of("--payments", "--faults", "--seed", "--replicas", "--in-flight",
            "--postgres-outage", "--kafka-outage", "--profile");

    private ChaosRunner() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        long seed = options.containsKey("--seed") ? Long.parseLong(options.get("--seed"))
                : new SecureRandom().nextLong();
        Path home = Path.of(System.getProperty("holdfast.home", "target/chaos-run")).toAbsolutePath();
        Path repo = Path.of(System.getProperty("holdfast.repo", ".")).toAbsolutePath().normalize();
        ChaosSettings base = options.getOrDefault("--profile", "full").equals("ci") ? ChaosSettings.ci(seed, home, repo)
                : ChaosSettings.full(seed, home, repo);
        ChaosSettings settings = new ChaosSettings(
                intOption(options, "--payments", base.payments()), intOption(options, "--faults", base.faults()),
                seed, intOption(options, "--replicas", base.replicas()),
                intOption(options, "--in-flight", base.inFlight()),
                options.containsKey("--postgres-outage") ? range(options.get("--postgres-outage")) : base.postgresOutage(),
                options.containsKey("--kafka-outage") ? range(options.get("--kafka-outage")) : base.kafkaOutage(),
                base.clockStepPause(), home, repo);
        System.out.println("[chaos] seed " + settings.seed() + " (rerun with --seed=" + settings.seed() + "), "
                + settings.payments() + " payments, " + settings.faults() + " faults, " + settings.replicas()
                + " replicas per service");
        Report report = new ChaosRun(settings, System.out, Clock.systemUTC()).run();
        report.print(System.out);
        System.exit(report.clean() ? 0 : 1);
    }

    /** {@code --name=value} arguments by name; an unknown name is refused. */
    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown option " + arg);
            }
            options.put(name, arg.contains("=") ? value(arg) : "");
        }
        return options;
    }

    private static int intOption(Map<String, String> options, String name, int otherwise) {
        return options.containsKey(name) ? Integer.parseInt(options.get(name)) : otherwise;
    }

    /** {@code 10-60}: seconds, from-to. */
    private static ChaosSettings.Range range(String text) {
        String[] parts = text.split("-");
        return new ChaosSettings.Range(Duration.ofSeconds(Long.parseLong(parts[0])),
                Duration.ofSeconds(Long.parseLong(parts[parts.length - 1])));
    }

    private static String value(String arg) {
        return arg.substring(arg.indexOf('=') + 1);
    }
}
