package io.holdfast.view.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** {@code /actuator/prometheus} is open only on a management port of its own (deploy/: 8081, Prometheus only). */
class SecurityConfigurationUnitTests {

    @Test
    void theScrapeEndpointIsOpenOnlyOnASeparateManagementPort() {
        assertThat(SecurityConfiguration.separateManagementPort(new MockEnvironment())).isFalse();
        assertThat(SecurityConfiguration.separateManagementPort(new MockEnvironment()
                .withProperty("management.server.port", "8081"))).isTrue();
        assertThat(SecurityConfiguration.separateManagementPort(new MockEnvironment()
                .withProperty("server.port", "8081").withProperty("management.server.port", "8081"))).isFalse();
        assertThat(SecurityConfiguration.separateManagementPort(new MockEnvironment()
                .withProperty("management.server.port", "-1"))).isFalse();
    }
}
