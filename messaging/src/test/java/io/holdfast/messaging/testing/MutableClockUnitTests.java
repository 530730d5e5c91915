package io.holdfast.messaging.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MutableClockUnitTests {

    @Test
    void movesOnlyForward() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(clock.advance(Duration.ofDays(7))).isEqualTo(Instant.parse("2026-01-08T00:00:00Z"));
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-08T00:00:00Z"));
    }
}
