package io.holdfast.capture.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.alipay.client.sandbox.SandboxFollowingClock;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The service's one Clock bean: the sandbox-following clock ({@code holdfast.clock.sandbox-url}) is refused unless the
 * Antom client id is a {@code SANDBOX_} id, so the service does not start with it against a live account. Only the
 * clock bean is created (everything else in the configuration is left lazy).
 */
class ServiceClockTests {

    private static final String NOWHERE = "http://127.0.0.1:9";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(context -> context.addBeanFactoryPostProcessor(
                    new LazyInitializationBeanFactoryPostProcessor()))
            .withUserConfiguration(CaptureConfiguration.class);

    @Test
    void theSandboxClockWithALiveClientIdStopsTheStart() {
        runner.withPropertyValues("holdfast.clock.sandbox-url=" + NOWHERE, "holdfast.alipay.client-id=2188120000000000")
                .run(context -> assertThatThrownBy(() -> context.getBean(Clock.class))
                        .rootCause().hasMessageContaining("holdfast.clock.sandbox-url")
                        .hasMessageContaining("is not a SANDBOX_ id"));
    }

    @Test
    void withoutTheSandboxUrlTheClockIsTheSystemClock() {
        runner.withPropertyValues("holdfast.alipay.client-id=2188120000000000")
                .run(context -> assertThat(context.getBean(Clock.class)).isEqualTo(Clock.systemUTC()));
    }

    @Test
    void theSandboxClockWithASandboxClientIdFollowsTheSandbox() {
        runner.withPropertyValues("holdfast.clock.sandbox-url=" + NOWHERE,
                "holdfast.alipay.client-id=SANDBOX_5X00000000000000")
                .run(context -> assertThat(context.getBean(Clock.class)).isInstanceOf(SandboxFollowingClock.class));
    }
}
