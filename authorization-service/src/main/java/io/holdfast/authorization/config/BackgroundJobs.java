package io.holdfast.authorization.config;

import io.holdfast.authorization.application.Reconciler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import reactor.core.publisher.Mono;

/**
 * The periodic jobs, each on its own fixed delay: reconciler, metrics refresh (the outbox relay runs in the
 * {@code messaging} module's {@code OutboxRelayLoop}). A failed run is logged and the next run comes anyway.
 */
public final class BackgroundJobs implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BackgroundJobs.class);

    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private final List<ScheduledFuture<?>> running = new ArrayList<>();
    private volatile boolean stopping;
    private final Reconciler reconciler;
    private final PaymentMetrics metrics;
    private final AuthorizationProperties properties;

    public BackgroundJobs(Reconciler reconciler, PaymentMetrics metrics, AuthorizationProperties properties) {
        this.reconciler = reconciler;
        this.metrics = metrics;
        this.properties = properties;
        scheduler.setPoolSize(2);
        scheduler.setThreadNamePrefix("authorization-jobs-");
    }

    @Override
    public synchronized void start() {
        stopping = false;
        scheduler.initialize();
        running.add(every("reconciler", properties.reconcile().pollInterval(), reconciler::runOnce));
        running.add(every("metrics", properties.metricsRefresh(), metrics::refresh));
    }

    private ScheduledFuture<?> every(String name, Duration delay, Supplier<Mono<?>> job) {
        return scheduler.scheduleWithFixedDelay(() -> {
            try {
                job.get().block(Duration.ofMinutes(5));
            } catch (RuntimeException e) {
                if (stopping) {
                    return;
                }
                log.error("job {} failed; it runs again in {}", name, delay, e);
            }
        }, delay);
    }

    @Override
    public synchronized void stop() {
        stopping = true;
        running.forEach(future -> future.cancel(false));
        running.clear();
        scheduler.shutdown();
    }

    @Override
    public synchronized boolean isRunning() {
        return !running.isEmpty();
    }
}
