package io.holdfast.ingest.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.holdfast.ingest.domain.notification.InboundNotification;
import io.holdfast.ingest.domain.notification.IngestOutcome;
import io.holdfast.ingest.domain.notification.NotificationId;
import io.holdfast.ingest.domain.notification.NotificationKind;
import io.holdfast.ingest.domain.notification.NotificationReading;
import io.holdfast.ingest.domain.notification.RejectionReason;
import io.holdfast.ingest.domain.notification.VerifiedNotification;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notification use case, in the order the security checklist fixes: verify, then store on Kafka, then (and only
 * then) acknowledge. An authentic notification already stored (same raw body, so same {@link NotificationId}) is
 * acknowledged without a second publication; one whose first publication is still in flight waits for it; one whose
 * earlier publication failed is published again. This in-memory set is an optimisation bounded by size and TTL: the
 * consumers' inboxes (keyed by notificationId) are what make processing exactly-once.
 */
public final class NotificationIngestion {

    private static final Logger log = LoggerFactory.getLogger(NotificationIngestion.class);

    private final NotificationReader reader;
    private final NotificationPublisher publisher;
    private final IngestMetrics metrics;
    private final Clock clock;
    private final Duration publishTimeout;
    private final Cache<NotificationId, CompletableFuture<Void>> stored;

    public NotificationIngestion(NotificationReader reader, NotificationPublisher publisher, IngestMetrics metrics,
            Clock clock, DedupeSettings dedupe) {
        this.reader = reader;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
        this.publishTimeout = dedupe.publishTimeout();
        this.stored = Caffeine.newBuilder()
                .maximumSize(dedupe.maxEntries())
                .expireAfterWrite(dedupe.ttl())
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                // the set's upkeep (expiry, eviction) runs on the writing thread: a profile showed handing it to the
                // common pool after writes costing more than the upkeep itself
                .executor(Runnable::run)
                .build();
    }

    /**
     * @param ttl how long a stored notification id is remembered (Antom retries for 24 h 22 min)
     * @param maxEntries bound of the remembered set
     * @param publishTimeout how long the answer waits for Kafka before it says 503 (the write may still land)
     */
    public record DedupeSettings(Duration ttl, long maxEntries, Duration publishTimeout) {
    }

    /**
     * The outcome once it is known: at once for a refused notification, after Kafka's confirmation (or the publish
     * timeout) for an accepted one. A {@link CompletableFuture}, not a Reactor chain: this runs for every notification,
     * and a profile showed the operators of a {@code Mono} chain here (defer, a race with a delay, then, error
     * handling) among the larger costs of the edge.
     */
    public CompletableFuture<IngestOutcome> ingest(InboundNotification inbound) {
        NotificationReading reading = reader.read(inbound, clock.instant());
        if (reading instanceof NotificationReading.Refused refused) {
            return CompletableFuture.completedFuture(
                    refuse(inbound.kind(), refused.reason(), refused.detail(), inbound.clientId()));
        }
        if (reading instanceof NotificationReading.Accepted accepted) {
            return storeOnce(accepted.notification());
        }
        throw new IllegalStateException("unhandled " + reading);
    }

    /** Refuses a notification the web layer could not even read (e.g. too large): logged and counted the same way. */
    public IngestOutcome.Rejected refuse(NotificationKind kind, RejectionReason reason, String detail, String clientId) {
        metrics.notificationRejected(kind, reason);
        log.warn("notification refused: kind={} reason={} detail={} clientId={}", kind, reason, detail,
                LogSafe.text(clientId));
        return new IngestOutcome.Rejected(reason, detail);
    }

    private CompletableFuture<IngestOutcome> storeOnce(VerifiedNotification notification) {
        NotificationId id = notification.id();
        NotificationKind kind = notification.kind();
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> earlier = stored.asMap().putIfAbsent(id, mine);
        boolean duplicate = earlier != null;
        CompletableFuture<Void> publication = duplicate ? earlier : mine;
        if (!duplicate) {
            publisher.publish(notification).whenComplete((ok, error) -> {
                if (error != null) {
                    stored.asMap().remove(id, mine);
                    mine.completeExceptionally(error);
                } else {
                    mine.complete(null);
                }
            });
        }
        // the timeout completes a copy: the publication itself is shared with later deliveries of the same body
        return publication.copy().orTimeout(publishTimeout.toMillis(), TimeUnit.MILLISECONDS).handle((ok, failure) -> {
            if (failure == null) {
                metrics.notificationAcknowledged(kind, duplicate);
                return new IngestOutcome.Acknowledged(id, duplicate);
            }
            Throwable error = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            metrics.notificationNotStored(kind);
            log.error("notification {} ({}, key {}) not stored, answering 503 so Antom resends: {}", id, kind,
                    notification.payload().key(), error.toString());
            return new IngestOutcome.NotStored(id, "not stored: " + error.getClass().getSimpleName());
        });
    }
}
