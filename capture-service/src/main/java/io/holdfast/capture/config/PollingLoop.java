package io.holdfast.capture.config;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs one pass of some work on its own thread, again and again with a real-time pause between passes (none while
 * a pass reports a full batch). A failed pass is logged and the loop goes on: the work is idempotent and durable.
 */
final class PollingLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PollingLoop.class);

    private final String name;
    private final Duration interval;
    private final int fullBatch;
    private final IntSupplier pass;
    private volatile ScheduledExecutorService executor;

    PollingLoop(String name, Duration interval, int fullBatch, IntSupplier pass) {
        this.name = name;
        this.interval = interval;
        this.fullBatch = fullBatch;
        this.pass = pass;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::drain, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void drain() {
        try {
            int done;
            do {
                done = pass.getAsInt();
            } while (done >= fullBatch && !Thread.currentThread().isInterrupted());
        } catch (RuntimeException e) {
            ScheduledExecutorService current = executor;
            if (current == null || current.isShutdown()) {
                return; // stopping: the interrupted pass is retried after the restart
            }
            log.warn("{} pass failed; next pass in {}", name, interval, e);
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService current = executor;
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
