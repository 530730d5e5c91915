package io.holdfast.view.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The board's "now": the system clock, or the sandbox's movable clock in the local stack only. */
class ViewConfigurationUnitTests {

    @Test
    void withoutASandboxUrlTheClockIsTheSystemClock() {
        assertThat(new ViewConfiguration().clock("", "LIVE_CLIENT")).isEqualTo(Clock.systemUTC());
    }

    @Test
    void theSandboxClockIsRefusedWithALiveAntomClientId() {
        assertThatThrownBy(() -> new ViewConfiguration().clock("http://127.0.0.1:1", "2188120000000000"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holdfast.clock.sandbox-url");
        assertThatThrownBy(() -> new ViewConfiguration().clock("http://127.0.0.1:1", ""))
                .isInstanceOf(IllegalStateException.class);
    }
}
