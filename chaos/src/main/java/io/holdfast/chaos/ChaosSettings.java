package io.holdfast.chaos;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One chaos run's parameters. The seed fixes the workload's flow mix and amounts, the merchant's retries and the
 * fault schedule (kinds, targets, durations, order); thread timing still varies, so a seed reproduces the same
 * attack, not the same interleaving.
 *
 * @param payments payments the workload drives (probes after faults come on top)
 * @param faults faults injected; every kind at least once when there are at least as many faults as kinds
 * @param seed the random seed
 * @param replicas processes per service
 * @param inFlight payments a merchant keeps open at most
 * @param postgresOutage shortest and longest PostgreSQL outage
 * @param kafkaOutage shortest and longest Kafka broker outage
 * @param clockStepPause real time between two 2-hour steps of the sandbox clock (the deadline guardian polls every
 *     second: six steps, at least six polls, fall inside each payment's 12-hour policy window)
 * @param home the stack's data and logs (deleted first)
 * @param repositoryRoot where the modules' executable jars are
 */
public record ChaosSettings(int payments, int faults, long seed, int replicas, int inFlight,
                            Range postgresOutage, Range kafkaOutage, Duration clockStepPause, Path home,
                            Path repositoryRoot) {

    /** A duration picked between {@code min} and {@code max}. */
    public record Range(Duration min, Duration max) {
    }

    /** The full run the issue asks for: 2,000 payments, 30 faults, outages of 10–60 s. */
    public static ChaosSettings full(long seed, Path home, Path repositoryRoot) {
        return new ChaosSettings(2_000, 30, seed, 2, 40,
                new Range(Duration.ofSeconds(10), Duration.ofSeconds(60)),
                new Range(Duration.ofSeconds(10), Duration.ofSeconds(30)), Duration.ofMillis(1_500), home, repositoryRoot);
    }

    /** The CI profile: 250 payments, every fault kind once, the shortest outages, a faster clock. */
    public static ChaosSettings ci(long seed, Path home, Path repositoryRoot) {
        return new ChaosSettings(250, FaultKind.values().length, seed, 2, 30,
                new Range(Duration.ofSeconds(10), Duration.ofSeconds(10)),
                new Range(Duration.ofSeconds(6), Duration.ofSeconds(6)), Duration.ofMillis(1_000), home, repositoryRoot);
    }
}
