package io.holdfast.chaos;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

/**
 * {@code java -jar chaos/target/chaos.jar [--payments=2000] [--faults=30] [--seed=N] [--replicas=2]
 * [--in-flight=40] [--postgres-outage=10-60] [--kafka-outage=10-30] [--profile=full|ci]}: a chaos run on a fresh
 * local stack under {@code target/chaos-run} (or {@code -Dholdfast.home}), with the modules' jars looked up under
 * the working directory (or {@code -Dholdfast.repo}). Prints the report and exits 0 only when every audit count is 0.
 */
public final class ChaosRunner {

    private ChaosRunner() {
    }

    public static void main(String[] args) throws Exception {
        long seed = new SecureRandom().nextLong();
        String profile = "full";
        for (String arg : args) {
            if (arg.startsWith("--seed=")) {
                seed = Long.parseLong(value(arg));
            } else if (arg.startsWith("--profile=")) {
                profile = value(arg);
            }
        }
        Path home = Path.of(System.getProperty("holdfast.home", "target/chaos-run")).toAbsolutePath();
        Path repo = Path.of(System.getProperty("holdfast.repo", ".")).toAbsolutePath().normalize();
        ChaosSettings settings = profile.equals("ci") ? ChaosSettings.ci(seed, home, repo)
                : ChaosSettings.full(seed, home, repo);
        for (String arg : args) {
            settings = apply(settings, arg);
        }
        System.out.println("[chaos] seed " + settings.seed() + " (rerun with --seed=" + settings.seed() + "), "
                + settings.payments() + " payments, " + settings.faults() + " faults, " + settings.replicas()
                + " replicas per service");
        Report report = new ChaosRun(settings, System.out, Clock.systemUTC()).run();
        report.print(System.out);
        System.exit(report.clean() ? 0 : 1);
    }

    private static ChaosSettings apply(ChaosSettings s, String arg) {
        String v = arg.contains("=") ? value(arg) : "";
        String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
        return switch (option) {
            case "--payments" -> s.withPayments(Integer.parseInt(v));
            case "--faults" -> s.withFaults(Integer.parseInt(v));
            case "--replicas" -> s.withReplicas(Integer.parseInt(v));
            case "--in-flight" -> s.withInFlight(Integer.parseInt(v));
            case "--postgres-outage" -> s.withPostgresOutage(range(v));
            case "--kafka-outage" -> s.withKafkaOutage(range(v));
            case "--seed", "--profile" -> s;
            default -> throw new IllegalArgumentException("unknown option " + arg);
        };
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
