package io.holdfast.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.localstack.bench.LoadDriver.Flow;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LoadDriverTests {

    @Test
    void every_ten_payments_hold_four_automatic_three_manual_one_cancel_and_two_declines() {
        Map<Flow, Integer> mix = new EnumMap<>(Flow.class);
        IntStream.range(0, 100).forEach(i -> mix.merge(LoadDriver.flowOf(i), 1, Integer::sum));

        assertThat(mix).containsEntry(Flow.AUTOMATIC, 40).containsEntry(Flow.MANUAL, 30)
                .containsEntry(Flow.CANCEL, 10).containsEntry(Flow.DECLINE, 20);
    }

    @Test
    void process_cpu_is_read_from_proc_and_grows_with_work() {
        double before = ProcessCpu.seconds(ProcessHandle.current().pid());
        double floor = RsaFloor.millisPerPair(200);
        double after = ProcessCpu.seconds(ProcessHandle.current().pid());

        assertThat(floor).isPositive();
        assertThat(after).isGreaterThan(before).isPositive();
        assertThat(ProcessCpu.seconds(Long.MAX_VALUE)).isZero();
        assertThat(ProcessCpu.compilerSeconds(ProcessHandle.current().pid())).isNotNegative();
        assertThat(ProcessCpu.compilerSeconds(Long.MAX_VALUE)).isZero();
    }
}
