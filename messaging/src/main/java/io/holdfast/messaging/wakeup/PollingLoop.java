package io.holdfast.messaging.wakeup;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs one pass of some work on its own thread, again and again: passes follow each other at once while a pass reports
 * a full batch, then the loop waits until its {@link Wakeup} is signalled or {@code interval} (real time) has passed,
 * the fallback for work nobody signalled (another replica's, what a crash left behind). A failed pass is logged and the
 * loop waits the whole interval before the next, signalled or not: the work is durable and a pass can be repeated.
 * {@link #stop()} interrupts a pass in flight; the interrupted pass runs again after a restart.
 */
public final class PollingLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PollingLoop.class);

    private final String name;
    private final Duration interval;
    private final int fullBatch;
    private final IntSupplier pass;
    private final Wakeup wakeup;
    private volatile ExecutorService executor;

    /**
     * A loop that only polls (nothing signals it).
     *
     * @param name the thread's name
     * @param interval the pause after a pass that did less than a full batch
     * @param fullBatch a pass that did at least this much is followed by the next at once
     * @param pass one pass: how much it did
     */
    public PollingLoop(String name, Duration interval, int fullBatch, IntSupplier pass) {
        this(name, interval, fullBatch, pass, new Wakeup());
    }

    /**
     * A loop woken by {@code wakeup}.
     *
     * @param name the thread's name
     * @param interval the longest pause after a pass that did less than a full batch
     * @param fullBatch a pass that did at least this much is followed by the next at once
     * @param pass one pass: how much it did
     * @param wakeup signalled when there is work
     */
    public PollingLoop(String name, Duration interval, int fullBatch, IntSupplier pass, Wakeup wakeup) {
        this.name = name;
        this.interval = interval;
        this.fullBatch = fullBatch;
        this.pass = pass;
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
        started.execute(() -> loop(started));
    }

    private void loop(ExecutorService runningOn) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                if (drain(runningOn)) {
                    wakeup.await(interval);
                } else {
                    TimeUnit.MILLISECONDS.sleep(interval.toMillis());
                }
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Passes while they report a full batch; false when a pass failed. A pass that did less than a full batch did all
     * there was when it looked: work signalled since then makes the loop's next wait return at once.
     */
    private boolean drain(ExecutorService runningOn) {
        try {
            int done;
            do {
                done = pass.getAsInt();
            } while (done >= fullBatch && !Thread.currentThread().isInterrupted());
            return true;
        } catch (RuntimeException e) {
            if (runningOn.isShutdown()) {
                Thread.currentThread().interrupt();
                return false; // stopping: the interrupted pass runs again after a restart
            }
            log.warn("{}: pass failed; next pass in {}", name, interval, e);
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
