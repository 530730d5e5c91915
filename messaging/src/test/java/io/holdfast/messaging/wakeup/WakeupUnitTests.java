package io.holdfast.messaging.wakeup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WakeupUnitTests {

    @Test
    void aSignalGivenBeforeTheWaitEndsItAtOnceAndIsConsumed() throws InterruptedException {
        Wakeup wakeup = new Wakeup();
        wakeup.signal();
        wakeup.signal();

        assertThat(wakeup.await(Duration.ofMinutes(1))).isTrue();
        assertThat(wakeup.await(Duration.ofMillis(1))).as("signals coalesce: one wait ends").isFalse();
    }

    @Test
    void withoutATransactionSignalAfterCommitSignalsAtOnce() throws InterruptedException {
        Wakeup wakeup = new Wakeup();

        wakeup.signalAfterCommit().block(Duration.ofSeconds(5));

        assertThat(wakeup.await(Duration.ofMinutes(1))).isTrue();
    }

    @Test
    void aWaitWithoutSignalEndsAtItsTimeout() throws InterruptedException {
        assertThat(new Wakeup().await(Duration.ofMillis(20))).isFalse();
    }
}
