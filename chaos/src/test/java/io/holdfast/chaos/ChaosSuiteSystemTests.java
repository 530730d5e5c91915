package io.holdfast.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * The chaos suite's CI profile inside {@code ./mvnw -B verify}: two replicas of every service, a few hundred
 * payments of every flow, every fault kind once (a fixed seed, so a failure is reproducible with
 * {@code java -jar chaos/target/chaos.jar --profile=ci --seed=20261205}), then the three-way audit, whose every
 * count must be 0. The full run (2,000 payments, 30 faults) is the documented command in the README.
 */
class ChaosSuiteSystemTests {

    private static final long SEED = Long.getLong("holdfast.chaos.seed", 20_261_205L);

    @Test
    void everyAuditCountIsZeroAfterEveryKindOfFault() throws Exception {
        Path home = Path.of(System.getProperty("holdfast.home", "target/chaos-home")).toAbsolutePath();
        Path repository = Path.of(System.getProperty("holdfast.repo", "..")).toAbsolutePath().normalize();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(new TeeStream(System.out, printed), true, StandardCharsets.UTF_8);

        Report report = new ChaosRun(ChaosSettings.ci(SEED, home, repository), out, Clock.systemUTC()).run();
        report.print(out);

        assertThat(report.faults()).extracting(Report.FaultResult::kind).containsExactlyInAnyOrder(FaultKind.values());
        assertThat(report.counts()).as(printed.toString(StandardCharsets.UTF_8)).allSatisfy((what, count) ->
                assertThat(count).as(what).isZero());
    }
}
