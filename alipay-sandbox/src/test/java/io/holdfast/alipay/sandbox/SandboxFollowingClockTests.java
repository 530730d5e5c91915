package io.holdfast.alipay.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.holdfast.alipay.client.sandbox.SandboxFollowingClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A service's clock built on {@code GET /sandbox/control/clock} moves when the sandbox clock is moved. */
class SandboxFollowingClockTests {

    @Test
    void aFollowingClockMovesWithTheSandbox() {
        Clock real = Clock.systemUTC();
        try (AlipaySandbox sandbox = Merchant.sandbox().httpsPort(null).start();
                SandboxFollowingClock clock = SandboxFollowingClock.follow(sandbox.baseUrl(), Duration.ofMillis(50))) {
            assertThat(Duration.between(real.instant(), clock.instant()).abs()).isLessThan(Duration.ofMinutes(1));

            sandbox.control().advanceClock(Duration.ofDays(7));

            await().atMost(Duration.ofSeconds(10)).until(() -> clock.instant()
                    .isAfter(real.instant().plus(Duration.ofDays(7)).minus(Duration.ofMinutes(1))));
            Instant followed = clock.instant();
            assertThat(followed).isBefore(real.instant().plus(Duration.ofDays(7)).plus(Duration.ofMinutes(1)));
            assertThat(Duration.between(sandbox.control().now(), followed).abs()).isLessThan(Duration.ofMinutes(1));
        }
    }
}
