package io.holdfast.messaging.outbox;

import io.holdfast.messaging.wakeup.Wakeup;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs an {@link OutboxRelay} on its own thread: pass after pass while a pass takes a full batch, then a wait until
 * the {@link Wakeup} is signalled — {@link R2dbcOutboxStore#append} signals it right after the appending transaction
 * commits — or {@code pollInterval} (real time) has passed: the fallback for rows this process did not signal (another
 * replica's, rows a crash left behind, a send that failed). A failed pass is logged and the loop waits the whole
 * {@code pollInterval} before the next; the outbox is durable and a pass is one transaction. {@link #stop()} interrupts
 * a pass in flight, which rolls it back: its keys are released and the rows it sent but had not marked are sent again
 * (in order) after the restart.
 */
public final class OutboxRelayLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelayLoop.class);

    private final String name;
    private final OutboxRelay relay;
    private final Duration pollInterval;
    private final Duration passTimeout;
    private final Wakeup wakeup;
    private volatile ExecutorService executor;

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
        this.name = name;
        this.relay = relay;
        this.pollInterval = pollInterval;
        this.passTimeout = passTimeout;
        this.wakeup = wakeup;
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        ExecutorService started = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        executor = started;
        started.execute(this::loop);
    }

    private void loop() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                if (drain()) {
                    wakeup.await(pollInterval);
                } else {
                    TimeUnit.MILLISECONDS.sleep(pollInterval.toMillis());
                }
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Passes while they take a full batch; false when a pass failed. A pass that took less than a full batch took every
     * row there was to take when it looked: rows committed since then signalled the wake-up, which the loop's next
     * wait returns on at once, so no pass is spent only to find nothing.
     */
    private boolean drain() {
        try {
            OutboxRelay.Pass pass;
            do {
                pass = relay.pass().block(passTimeout);
            } while (pass != null && relay.full(pass) && !Thread.currentThread().isInterrupted());
            return true;
        } catch (RuntimeException e) {
            ExecutorService current = executor;
            if (current == null || current.isShutdown()) {
                Thread.currentThread().interrupt();
                return false; // stopping: the interrupted pass was rolled back and runs again after the restart
            }
            log.warn("{}: relay pass failed; next pass in {}", name, pollInterval, e);
            return false;
        }
    }

    @Override
    public synchronized void stop() {
        ExecutorService current = executor;
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
