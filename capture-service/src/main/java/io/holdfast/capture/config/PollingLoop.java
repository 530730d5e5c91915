package io.holdfast.capture.config;

import io.holdfast.messaging.wakeup.Wakeup;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs one pass of some work on its own thread, again and again with a real-time pause between passes (none while
 * a pass reports a full batch) that a {@link Wakeup} signal cuts short. A failed pass is logged and the loop waits the
 * whole interval before the next: the work is idempotent and durable.
 */
final class PollingLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PollingLoop.class);

    private final String name;
    private final Duration interval;
    private final int fullBatch;
    private final IntSupplier pass;
    private final Wakeup wakeup;
    private volatile ExecutorService executor;

    PollingLoop(String name, Duration interval, int fullBatch, IntSupplier pass) {
        this(name, interval, fullBatch, pass, new Wakeup());
    }

    PollingLoop(String name, Duration interval, int fullBatch, IntSupplier pass, Wakeup wakeup) {
        this.name = name;
        this.interval = interval;
        this.fullBatch = fullBatch;
        this.pass = pass;
        this.wakeup = wakeup;
    }

    @Override
    public void start() {
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
                    wakeup.await(interval);
                } else {
                    TimeUnit.MILLISECONDS.sleep(interval.toMillis());
                }
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    /** Passes while they report a full batch; false when a pass failed. */
    private boolean drain() {
        try {
            int done;
            do {
                done = pass.getAsInt();
            } while (done >= fullBatch && !Thread.currentThread().isInterrupted());
            return true;
        } catch (RuntimeException e) {
            ExecutorService current = executor;
            if (current == null || current.isShutdown()) {
                Thread.currentThread().interrupt();
                return false; // stopping: the interrupted pass is retried after the restart
            }
            log.warn("{} pass failed; next pass in {}", name, interval, e);
            return false;
        }
    }

    @Override
    public void stop() {
        ExecutorService current = executor;
        if (current != null) {
            current.shutdownNow();
            try {
                current.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        executor = null;
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
