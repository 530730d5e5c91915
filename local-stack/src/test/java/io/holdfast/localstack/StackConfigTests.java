package io.holdfast.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class StackConfigTests {

    @Test
    void free_ports_are_distinct_and_leave_room_for_the_kraft_controller() {
        StackConfig config = StackConfig.onFreePorts(Path.of("home"), Path.of("repo"));

        List<Integer> ports = List.of(config.kafkaPort(), config.controllerPort(), config.registryPort(),
                config.postgresPort(), config.sandboxPort(), config.ingestPort(), config.authorizationPort(),
                config.capturePort());
        assertThat(ports).doesNotHaveDuplicates().allSatisfy(port -> assertThat(port).isPositive());
        assertThat(config.controllerPort()).isEqualTo(config.kafkaPort() + 1);
    }

    @Test
    void endpoints_of_a_config_point_at_its_ports_and_home() {
        StackConfig config = new StackConfig(Path.of("/tmp/h"), 19092, 18081, 15432, 18090, 18080, 18082, 18083,
                Path.of("."), 1, 18085);

        Endpoints endpoints = Endpoints.of(config);

        assertThat(endpoints.bootstrapServers()).isEqualTo("localhost:19092");
        assertThat(endpoints.registryUrl()).isEqualTo("http://localhost:18081");
        assertThat(endpoints.sandboxUrl()).isEqualTo("http://127.0.0.1:18090");
        assertThat(endpoints.sandboxKeys().directory()).isEqualTo(Path.of("/tmp/h/sandbox"));
    }
}
