package io.holdfast.messaging.outbox;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs an {@link OutboxRelay} on its own thread: pass after pass while a pass publishes anything, then a pause of
 * {@code pollInterval} (real time). A failed pass is logged and the loop goes on; the outbox is durable and a pass is
 * one transaction. {@link #stop()} interrupts a pass in flight, which rolls it back: its keys are released and the
 * rows it sent but had not marked are sent again (in order) after the restart.
 */
public final class OutboxRelayLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelayLoop.class);

    private final String name;
    private final OutboxRelay relay;
    private final Duration pollInterval;
    private final Duration passTimeout;
    private volatile ScheduledExecutorService executor;

    /**
     * A loop.
     *
     * @param name the thread's name
     * @param relay the relay
     * @param pollInterval the pause after a pass that published nothing
     * @param passTimeout a pass still running after this is cancelled (rolled back) and the next one starts
     */
    public OutboxRelayLoop(String name, OutboxRelay relay, Duration pollInterval, Duration passTimeout) {
        this.name = name;
        this.relay = relay;
        this.pollInterval = pollInterval;
        this.passTimeout = passTimeout;
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        started.scheduleWithFixedDelay(this::drain, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        executor = started;
    }

    private void drain() {
        try {
            Integer published;
            do {
                published = relay.relayOnce().block(passTimeout);
            } while (published != null && published > 0 && !Thread.currentThread().isInterrupted());
        } catch (RuntimeException e) {
            ScheduledExecutorService current = executor;
            if (current == null || current.isShutdown()) {
                return; // stopping: the interrupted pass was rolled back and runs again after the restart
            }
            log.warn("{}: relay pass failed; next pass in {}", name, pollInterval, e);
        }
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService current = executor;
        executor = null;
        if (current != null) {
            current.shutdownNow();
            try {
                current.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
