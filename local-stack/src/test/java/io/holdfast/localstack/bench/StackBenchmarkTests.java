package io.holdfast.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StackBenchmarkTests {

    @Test
    void the_local_stack_jvm_row_does_not_count_the_cpu_of_the_processes_it_started() throws Exception {
        double jvmBefore = StackBenchmark.localStackJvmSeconds();
        // a child of this JVM that burns a core, as the services, the sandbox and PostgreSQL are children of the stack
        Process child = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> ProcessCpu.seconds(child.pid()) >= 2.0);
            double childSeconds = ProcessCpu.seconds(child.pid());
            double jvmSeconds = StackBenchmark.localStackJvmSeconds() - jvmBefore;

            assertThat(jvmSeconds)
                    .as("this JVM's CPU while its child used %.2f s", childSeconds)
                    .isLessThan(childSeconds / 2);
        } finally {
            child.destroyForcibly().waitFor();
        }
    }

    @Test
    void the_local_stack_jvm_threads_are_told_apart_by_their_names() {
        assertThat(StackBenchmark.jvmPart("C2 CompilerThre")).isEqualTo("JIT compiler");
        assertThat(StackBenchmark.jvmPart("G1 Refine#0")).isEqualTo("GC and VM");
        assertThat(StackBenchmark.jvmPart("schema-registry")).isEqualTo("schema registry");
        assertThat(StackBenchmark.jvmPart("event-tap-holdf")).isEqualTo("load driver");
        assertThat(StackBenchmark.jvmPart("data-plane-kafk")).isEqualTo("Kafka broker");
        assertThat(StackBenchmark.localStackJvmParts()).containsKey("load driver")
                .allSatisfy((part, seconds) -> assertThat(seconds).isNotNegative());
    }
}
