package io.holdfast.chaos;

import io.holdfast.localstack.LocalStack;
import io.holdfast.localstack.RunningStack;
import io.holdfast.localstack.StackConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * One chaos run: the local stack with {@code replicas} processes per service, the workload, the faults one after
 * another (with the recovery from each timed before the next), the sandbox clock moved across the 7-day deadline
 * twice (half-way, with payments open, and at the end), then the audit.
 *
 * <p>The clock moves by a jump to 14 hours before the earliest open deadline, then by two hours every
 * {@code clockStepPause} while the stack is healthy; it never moves during an outage or the recovery from one. One
 * real second is hours on the sandbox clock,
 * and without that rule a 30-second database outage would be a 15-hour one: a deadline missed by the compression
 * of time, not by Holdfast.
 */
final class ChaosRun {

    private static final Duration START_UP = Duration.ofSeconds(240);
    private static final Duration RECOVERY_LIMIT = Duration.ofMinutes(3);
    private static final Duration SETTLE_LIMIT = Duration.ofMinutes(5);
    private static final Duration CLOCK_STEP = Duration.ofHours(2);
    /** How long before a deadline the crossing stops jumping: the policies act at deadline − 12 h. */
    private static final Duration LIVED_THROUGH = Duration.ofHours(14);

    private final ChaosSettings settings;
    private final PrintStream out;
    /** Stamps the merchants' commands ({@code issuedAt}) and vaulting requests. */
    private final Clock merchantClock;
    private final AtomicBoolean recovering = new AtomicBoolean();
    private final long started = System.nanoTime();
    /** Once the last fault is over, the rest of the workload is sent without pacing. */
    private volatile boolean faultsDone;

    ChaosRun(ChaosSettings settings, PrintStream out, Clock merchantClock) {
        this.settings = settings;
        this.merchantClock = merchantClock;
        this.out = out;
    }

    Report run() throws Exception {
        deleteRecursively(settings.home());
        StackConfig config = StackConfig.onFreePorts(settings.home(), settings.repositoryRoot())
                .withReplicas(settings.replicas());
        Report report = new Report(settings.seed(), settings.replicas(), settings.payments());
        long begin = System.nanoTime();
        try (RunningStack stack = LocalStack.start(config, out)) {
            if (!stack.missingModules().isEmpty()) {
                throw new IllegalStateException("modules not built: " + stack.missingModules());
            }
            awaitUntil("every process healthy", START_UP, () -> stack.notYetHealthy().isEmpty());
            progress("stack up with " + stack.children().size() + " processes after " + seconds(begin));
            SandboxControlClient sandbox = new SandboxControlClient(stack.sandboxUrl());
            String runId = Long.toString(Math.abs(settings.seed()), 36);
            try (EventLog events = new EventLog(stack.endpoints(), "chaos-merchant-" + runId);
                 Workload workload = new Workload(stack.endpoints(), events, runId, settings.seed(), settings.inFlight(),
                         merchantClock);
                 ConsumerLag lag = new ConsumerLag(stack.bootstrapServers())) {
                Faults faults = new Faults(stack, sandbox, settings);
                List<FaultKind> schedule = Faults.schedule(settings.faults(), new Random(settings.seed() + 1));
                Duration pace = pace(schedule);
                progress("workload: " + settings.payments() + " payments, one every " + pace.toMillis() + " ms, "
                        + schedule.size() + " faults");
                BooleanSupplier stackBusy = () -> faults.outage().get() || recovering.get();
                Thread clockHalfWay = new Thread(() -> crossDeadline(sandbox, workload, stackBusy, "half-way", false), "chaos-clock");
                Thread driver = new Thread(() -> drive(workload, pace, clockHalfWay), "chaos-workload");
                driver.start();
                injectFaults(schedule, faults, workload, lag, report);
                faultsDone = true;
                driver.join();
                clockHalfWay.join();
                progress("workload sent; " + workload.open().size() + " payments open, settling");

                // the faults end (held notifications released); what still waits on Antom (a capture in process, a
                // notification dropped, an unknown cancel) is resolved by the services' rechecks, which the final
                // clock move brings forward
                sandbox.clearAllFaults();
                // a payment whose authorization waits on a recheck (its pay answered unknown, its notification
                // dropped) holds this wait to its limit; the crossing below still follows its deadline once it is known
                awaitQuietly(Duration.ofSeconds(30), workload::onlyAuthorizationsLeftToTheDeadline);
                crossDeadline(sandbox, workload, stackBusy, "final", true);
                boolean settled = awaitQuietly(SETTLE_LIMIT, () -> workload.open().isEmpty() && lag.total() == 0
                        && Audit.quiet(stack));
                progress("settled: " + settled + ", open " + workload.open().size() + ", lag " + lag.total()
                        + " after " + seconds(begin));

                report.info("payments driven", Integer.toString(workload.payments().size()));
                report.info("merchant event duplicates dropped", Long.toString(events.duplicates()));
                report.info("wall time", seconds(begin));
                new Audit(stack, sandbox, workload, faults.poisonByTopic(), report).run();
                report.count("merchant requests that failed", workload.errors());
                workload.errorSamples().forEach(sample -> report.offender("merchant request: " + sample));
            }
        }
        return report;
    }

    private void drive(Workload workload, Duration pace, Thread clockHalfWay) {
        Random random = new Random(settings.seed());
        try {
            for (int i = 0; i < settings.payments(); i++) {
                workload.start(Workload.pick(random), 100 + random.nextInt(99_900));
                if (i == settings.payments() / 2) {
                    clockHalfWay.start();
                }
                if (!faultsDone) {
                    Thread.sleep(pace.toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void injectFaults(List<FaultKind> schedule, Faults faults, Workload workload, ConsumerLag lag,
                              Report report) throws Exception {
        Random random = new Random(settings.seed() + 2);
        for (FaultKind kind : schedule) {
            Thread.sleep(200 + random.nextInt(600));
            recovering.set(kind.isOutage());
            try {
                Faults.Injected injected = faults.inject(kind, random);
                Workload.Payment probe = workload.start(Flow.PROBE, 100 + random.nextInt(99_900));
                // an Antom or notification fault may catch the probe itself (its pay answered U, its notifications
                // dropped): then the probe waits for an inquiry, and "new payments again" says so with a dash
                Duration limit = kind.isOutage() ? RECOVERY_LIMIT : Duration.ofSeconds(5);
                long[] done = awaitBoth(limit, () -> probe.doneNanos != 0, () -> lag.total() == 0);
                Duration newPayments = done[0] < 0 ? null : Duration.ofNanos(Math.max(0, probe.doneNanos - injected.endedNanos()));
                Duration backlog = done[1] < 0 ? null : Duration.ofNanos(Math.max(0, done[1] - injected.endedNanos()));
                report.fault(new Report.FaultResult(kind, injected.detail(),
                        Duration.ofNanos(injected.endedNanos() - injected.startedNanos()), newPayments, backlog));
                progress(kind + ": " + injected.detail() + "; new payments again after "
                        + (newPayments == null ? "- (the probe was caught by the fault)" : newPayments.toMillis() + " ms")
                        + ", backlog drained after " + (backlog == null ? "NEVER" : backlog.toMillis() + " ms"));
            } finally {
                recovering.set(false);
            }
        }
    }

    /**
     * Moves the sandbox clock past the deadline of every authorization made so far, pausing while the stack is down:
     * first a jump to 14 hours before the earliest deadline still open (at most six days and ten hours), then one
     * step at a time, so that every deadline policy's moment (deadline − 12 h) is lived through, not jumped over.
     * In the final crossing, after the workload has been sent, an authorization that lands during the crossing (a
     * backlog still draining, a recheck the moving clock brought forward) moves the end out to its own deadline, and
     * the clock jumps again when every deadline still open is more than 14 hours away. (The half-way crossing keeps
     * its end: the workload still adds authorizations, and following them would chase it.)
     */
    private void crossDeadline(SandboxControlClient sandbox, Workload workload, BooleanSupplier stackBusy,
                               String which, boolean followLateAuthorizations) {
        try {
            Instant now = sandbox.now();
            Instant target = now.plus(Duration.ofDays(7).plusHours(2));
            Instant jumpTo = now.plus(Duration.ofDays(6).plusHours(10));
            Instant earliest = workload.earliestOpenDeadline();
            if (earliest != null && earliest.minus(LIVED_THROUGH).isBefore(jumpTo)) {
                jumpTo = earliest.minus(LIVED_THROUGH);
            }
            if (jumpTo.isAfter(now)) {
                sandbox.advanceClock(Duration.between(now, jumpTo));
            }
            int steps = 0;
            int jumps = 0;
            while (sandbox.now().isBefore(followLateAuthorizations ? later(target, workload.latestOpenDeadline()) : target)) {
                while (stackBusy.getAsBoolean()) {
                    Thread.sleep(200);
                }
                Thread.sleep(settings.clockStepPause().toMillis());
                now = sandbox.now();
                earliest = workload.earliestOpenDeadline();
                if (followLateAuthorizations && earliest != null
                        && earliest.minus(LIVED_THROUGH).isAfter(now.plus(CLOCK_STEP))) {
                    sandbox.advanceClock(Duration.between(now, earliest.minus(LIVED_THROUGH)));
                    jumps++;
                } else {
                    sandbox.advanceClock(CLOCK_STEP);
                    steps++;
                }
            }
            progress("clock moved across the deadline (" + which + ", " + steps + " steps of " + CLOCK_STEP.toHours()
                    + " h" + (jumps == 0 ? "" : ", " + jumps + " jumps to a later authorization's deadline")
                    + "), sandbox now " + sandbox.now());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Instant later(Instant target, Instant latestOpenDeadline) {
        return latestOpenDeadline == null ? target : Collections.max(List.of(target, latestOpenDeadline.plus(CLOCK_STEP)));
    }

    /** The pause between payments that spreads the workload over the expected length of the fault schedule. */
    private Duration pace(List<FaultKind> schedule) {
        double seconds = 0;
        for (FaultKind kind : schedule) {
            seconds += 2 + switch (kind) {
                case KILL_REPLICA, KILL_DURING_ANTOM_CALL -> 20;
                case KAFKA_OUTAGE -> average(settings.kafkaOutage()) + 10;
                case POSTGRES_OUTAGE -> average(settings.postgresOutage()) + 10;
                case ANTOM_UNKNOWN, ANTOM_APPLIED_THEN_TIMEOUT, ANTOM_5XX, ANTOM_LATENCY, ANTOM_UNSIGNED,
                     ANTOM_WRONG_SIGNATURE, ANTOM_CONNECTION_RESET, ANTOM_CAPTURE_IN_PROCESS, NOTIFY_DUPLICATE,
                     NOTIFY_REORDER, NOTIFY_DELAY, NOTIFY_DROP, POISON_RECORDS -> 2;
            };
        }
        // the estimate is generous (outages often end sooner than their recovery allowance): aim a little short
        return Duration.ofMillis(Math.max(5, (long) (seconds * 700 / Math.max(1, settings.payments()))));
    }

    private static double average(ChaosSettings.Range range) {
        return (range.min().toMillis() + range.max().toMillis()) / 2000.0;
    }

    /** Waits for two conditions at once; the time each first held, or -1 when it did not within the limit. */
    private static long[] awaitBoth(Duration limit, BooleanSupplier first, BooleanSupplier second)
            throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        long[] at = {-1, -1};
        while (System.nanoTime() < end && (at[0] < 0 || at[1] < 0)) {
            if (at[0] < 0 && first.getAsBoolean()) {
                at[0] = System.nanoTime();
            }
            if (at[1] < 0 && second.getAsBoolean()) {
                at[1] = System.nanoTime();
            }
            Thread.sleep(100);
        }
        return at;
    }

    private static void awaitUntil(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        if (!awaitQuietly(limit, condition)) {
            throw new IllegalStateException("not within " + limit.toSeconds() + " s: " + what);
        }
    }

    private static boolean awaitQuietly(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    private void progress(String line) {
        out.printf("[chaos %6.1fs] %s%n", (System.nanoTime() - started) / 1e9, line);
        out.flush();
    }

    private static String seconds(long sinceNanos) {
        return String.format("%.1f s", (System.nanoTime() - sinceNanos) / 1e9);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
