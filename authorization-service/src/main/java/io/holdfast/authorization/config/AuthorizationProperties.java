package io.holdfast.authorization.config;

import io.holdfast.messaging.outbox.OutboxRelay;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code holdfast.authorization.*}: the service's own settings.
 *
 * @param reconcile when unresolved payments are checked and given up
 * @param outbox how the outbox is relayed to Kafka
 * @param eventsTopic where events go (payments.events)
 * @param handlerTimeout the longest a Kafka listener waits for one record's processing
 * @param metricsRefresh how often the database-backed gauges are refreshed
 */
@ConfigurationProperties("holdfast.authorization")
public record AuthorizationProperties(Reconcile reconcile, Outbox outbox, String eventsTopic, Duration handlerTimeout,
        Duration metricsRefresh) {

    public AuthorizationProperties {
        reconcile = reconcile == null ? new Reconcile(null, null, null, null, null, 0) : reconcile;
        outbox = outbox == null ? new Outbox(null, 0, null, null, null) : outbox;
        eventsTopic = eventsTopic == null ? io.holdfast.schemas.Topics.PAYMENTS_EVENTS : eventsTopic;
        handlerTimeout = handlerTimeout == null ? Duration.ofSeconds(60) : handlerTimeout;
        metricsRefresh = metricsRefresh == null ? Duration.ofSeconds(10) : metricsRefresh;
    }

    /**
     * The reconciler.
     *
     * @param backoff delays between checks of one payment; the last repeats (default 5s, 15s, 1m, 5m, 30m, 2h)
     * @param inFlightGrace a *_REQUESTED row younger than this is a call in flight, not a crash (default 30s)
     * @param giveUpAfter an authorization unresolved this long is cancelled (default 1h)
     * @param neverCreatedAfter ORDER_NOT_EXIST this long after the pay request means "never created" (default 5m)
     * @param pollInterval how often due payments are looked for (default 1s)
     * @param batchSize payments per pass (default 50)
     */
    public record Reconcile(List<Duration> backoff, Duration inFlightGrace, Duration giveUpAfter,
            Duration neverCreatedAfter, Duration pollInterval, int batchSize) {

        public Reconcile {
            backoff = backoff == null || backoff.isEmpty() ? List.of(Duration.ofSeconds(5), Duration.ofSeconds(15),
                    Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2))
                    : List.copyOf(backoff);
            inFlightGrace = inFlightGrace == null ? Duration.ofSeconds(30) : inFlightGrace;
            giveUpAfter = giveUpAfter == null ? Duration.ofHours(1) : giveUpAfter;
            neverCreatedAfter = neverCreatedAfter == null ? Duration.ofMinutes(5) : neverCreatedAfter;
            pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
            batchSize = batchSize <= 0 ? 50 : batchSize;
            if (giveUpAfter.compareTo(neverCreatedAfter) <= 0) {
                throw new IllegalArgumentException("giveUpAfter must be longer than neverCreatedAfter");
            }
        }
    }

    /**
     * The outbox relay (the {@code messaging} module's {@code OutboxRelay}).
     *
     * @param pollInterval how often pending rows are looked for when nothing woke the relay (default 2s): rows this
     *     service commits wake it at once; the poll finds the rest (another replica's, a crash's, a failed send)
     * @param batchSize rows per transaction (default 100)
     * @param staleAfter a pending row older than this counts as stale in the metrics (default 1m)
     * @param retention completed rows are deleted after this (default 7d)
     * @param lease the longest a relay pass holds its payments while it waits for Kafka (default 5m)
     */
    public record Outbox(Duration pollInterval, int batchSize, Duration staleAfter, Duration retention,
            Duration lease) {

        public Outbox {
            lease = lease == null ? OutboxRelay.Settings.DEFAULT.lease() : lease;
            retention = retention == null ? Duration.ofDays(7) : retention;
            pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
            batchSize = batchSize <= 0 ? 100 : batchSize;
            staleAfter = staleAfter == null ? Duration.ofMinutes(1) : staleAfter;
        }
    }
}
