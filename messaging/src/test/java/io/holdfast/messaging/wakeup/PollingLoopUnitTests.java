package io.holdfast.messaging.wakeup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PollingLoopUnitTests {

    @Test
    void aSignalStartsTheNextPassAtOnceInsteadOfAfterTheInterval() {
        Wakeup wakeup = new Wakeup();
        AtomicInteger passes = new AtomicInteger();
        PollingLoop loop = new PollingLoop("test-loop", Duration.ofMinutes(10), 10, passes::incrementAndGet, wakeup);
        loop.start();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> passes.get() == 1); // the first pass, at start

            wakeup.signal();

            await().atMost(Duration.ofSeconds(5)).until(() -> passes.get() == 2);
        } finally {
            loop.stop();
        }
        assertThat(loop.isRunning()).isFalse();
    }

    @Test
    void aFailedPassWaitsTheIntervalEvenWhenSignalled() {
        Wakeup wakeup = new Wakeup();
        AtomicInteger passes = new AtomicInteger();
        PollingLoop loop = new PollingLoop("test-loop", Duration.ofMinutes(10), 10, () -> {
            passes.incrementAndGet();
            throw new IllegalStateException("database down (test)");
        }, wakeup);
        loop.start();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> passes.get() == 1);
            wakeup.signal();
            wakeup.signal();

            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> passes.get() == 1);
        } finally {
            loop.stop();
        }
    }
}
