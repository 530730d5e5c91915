package io.holdfast.messaging.outbox;

import io.holdfast.messaging.wakeup.PollingLoop;
import io.holdfast.messaging.wakeup.Wakeup;
import java.time.Duration;
import org.springframework.context.SmartLifecycle;

/**
 * Runs an {@link OutboxRelay} in a {@link PollingLoop}: pass after pass while a pass takes a full batch, then a wait
 * until the {@link Wakeup} is signalled — {@link R2dbcOutboxStore#append} signals it right after the appending
 * transaction commits — or {@code pollInterval} (real time) has passed: the fallback for rows this process did not
 * signal (another replica's, rows a crash left behind, a send that failed). A failed pass is logged and the loop waits
 * the whole {@code pollInterval} before the next; the outbox is durable and a pass is one transaction. {@link #stop()}
 * interrupts a pass in flight, which rolls it back: its keys are released and the rows it sent but had not marked are
 * sent again (in order) after the restart.
 */
public final class OutboxRelayLoop implements SmartLifecycle {

    private final PollingLoop loop;

    /**
     * A loop that only polls (no wake-up signal).
     *
     * @param name the thread's name
     * @param relay the relay
     * @param pollInterval the pause after a pass that published nothing
     * @param passTimeout a pass still running after this is cancelled (rolled back) and the next one starts
     */
    public OutboxRelayLoop(String name, OutboxRelay relay, Duration pollInterval, Duration passTimeout) {
        this(name, relay, pollInterval, passTimeout, new Wakeup());
    }

    /**
     * A loop woken by {@code wakeup} (the one given to the {@link R2dbcOutboxStore} the writers append with).
     *
     * @param name the thread's name
     * @param relay the relay
     * @param pollInterval the longest pause after a pass that published nothing (the fallback poll)
     * @param passTimeout a pass still running after this is cancelled (rolled back) and the next one starts
     * @param wakeup signalled when rows were committed
     */
    public OutboxRelayLoop(String name, OutboxRelay relay, Duration pollInterval, Duration passTimeout,
            Wakeup wakeup) {
        // a pass that took a full batch counts as one full batch: more rows may be waiting
        this.loop = new PollingLoop(name, pollInterval, 1, () -> {
            OutboxRelay.Pass pass = relay.pass().block(passTimeout);
            return pass != null && relay.full(pass) ? 1 : 0;
        }, wakeup);
    }

    @Override
    public void start() {
        loop.start();
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }
}
