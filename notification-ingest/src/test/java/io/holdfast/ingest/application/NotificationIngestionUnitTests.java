package io.holdfast.ingest.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.ingest.domain.Money;
import io.holdfast.ingest.domain.notification.InboundNotification;
import io.holdfast.ingest.domain.notification.IngestOutcome;
import io.holdfast.ingest.domain.notification.NotificationId;
import io.holdfast.ingest.domain.notification.NotificationKind;
import io.holdfast.ingest.domain.notification.NotificationPayload;
import io.holdfast.ingest.domain.notification.NotificationReading;
import io.holdfast.ingest.domain.notification.RejectionReason;
import io.holdfast.ingest.domain.notification.VerifiedNotification;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Verify, store, then acknowledge; dedupe of retries; no acknowledgement without storage. In-memory fakes only. */
class NotificationIngestionUnitTests {

    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final List<CompletableFuture<Void>> sends = new ArrayList<>();
    private final List<VerifiedNotification> published = new ArrayList<>();
    private final CountingMetrics metrics = new CountingMetrics();

    private NotificationIngestion ingestion(NotificationReader reader) {
        return ingestion(reader, Duration.ofSeconds(5));
    }

    private NotificationIngestion ingestion(NotificationReader reader, Duration publishTimeout) {
        NotificationPublisher publisher = notification -> {
            published.add(notification);
            CompletableFuture<Void> send = new CompletableFuture<>();
            sends.add(send);
            return send;
        };
        return new NotificationIngestion(reader, publisher, metrics, clock,
                new NotificationIngestion.DedupeSettings(Duration.ofHours(25), 1000, publishTimeout));
    }

    private static NotificationReader accepting() {
        return (inbound, receivedAt) -> new NotificationReading.Accepted(new VerifiedNotification(
                NotificationId.ofRawBody(inbound.rawBody()), inbound.kind(), receivedAt, "C", "1",
                new NotificationPayload.CaptureResult("S", "SUCCESS", null, "cr", "pay-1", "cap", new Money(1, "USD"),
                        null, null)));
    }

    private static InboundNotification inbound(String body) {
        return new InboundNotification(NotificationKind.CAPTURE, "/p", "C", "1", "sig",
                body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theAnswerWaitsForTheBrokersConfirmation() {
        NotificationIngestion ingestion = ingestion(accepting());
        CompletableFuture<IngestOutcome> answer = ingestion.ingest(inbound("{}"));

        assertThat(answer).isNotDone();
        sends.get(0).complete(null);

        assertThat(answer.join()).isInstanceOf(IngestOutcome.Acknowledged.class);
    }

    @Test
    void aFailedSendIsNotAcknowledgedAndTheRetryPublishesAgain() {
        NotificationIngestion ingestion = ingestion(accepting());
        CompletableFuture<IngestOutcome> first = ingestion.ingest(inbound("{}"));
        sends.get(0).completeExceptionally(new TimeoutException("broker down"));

        assertThat(first.join()).isInstanceOf(IngestOutcome.NotStored.class);
        assertThat(metrics.notStored).isEqualTo(1);

        CompletableFuture<IngestOutcome> retry = ingestion.ingest(inbound("{}"));
        sends.get(1).complete(null);
        assertThat(retry.join()).isEqualTo(new IngestOutcome.Acknowledged(published.get(0).id(), false));
        assertThat(published).hasSize(2);
    }

    @Test
    void aRetryWhileTheFirstSendIsInFlightWaitsForItAndIsNotPublishedTwice() {
        NotificationIngestion ingestion = ingestion(accepting());
        CompletableFuture<IngestOutcome> first = ingestion.ingest(inbound("{}"));
        CompletableFuture<IngestOutcome> second = ingestion.ingest(inbound("{}"));

        assertThat(second).isNotDone();
        sends.get(0).complete(null);

        assertThat(first.join()).isEqualTo(new IngestOutcome.Acknowledged(published.get(0).id(), false));
        assertThat(second.join()).isEqualTo(new IngestOutcome.Acknowledged(published.get(0).id(), true));
        assertThat(published).hasSize(1);
    }

    @Test
    void noConfirmationWithinThePublishTimeoutIsNotStoredWhileARetryStillWaitsForTheSameSend() {
        NotificationIngestion ingestion = ingestion(accepting(), Duration.ofMillis(500));
        CompletableFuture<IngestOutcome> first = ingestion.ingest(inbound("{}"));

        assertThat(first.join()).isInstanceOf(IngestOutcome.NotStored.class);
        assertThat(metrics.notStored).isEqualTo(1);

        // the timeout failed the first answer only: the send is still in flight, and a retry waits for it
        CompletableFuture<IngestOutcome> retry = ingestion.ingest(inbound("{}"));
        assertThat(retry).isNotDone();
        sends.get(0).complete(null);
        assertThat(retry.join()).isEqualTo(new IngestOutcome.Acknowledged(published.get(0).id(), true));
        assertThat(published).hasSize(1);
    }

    @Test
    void aRefusedNotificationIsCountedAndNeverPublished() {
        NotificationIngestion ingestion = ingestion((inbound, at) ->
                new NotificationReading.Refused(RejectionReason.SIGNATURE_MISMATCH, "signature check"));

        IngestOutcome outcome = ingestion.ingest(inbound("{}")).join();

        assertThat(outcome).isEqualTo(new IngestOutcome.Rejected(RejectionReason.SIGNATURE_MISMATCH, "signature check"));
        assertThat(metrics.rejected).containsExactly(RejectionReason.SIGNATURE_MISMATCH);
        assertThat(published).isEmpty();
    }

    private static final class CountingMetrics implements IngestMetrics {
        final List<RejectionReason> rejected = new ArrayList<>();
        int notStored;

        @Override
        public void notificationRejected(NotificationKind kind, RejectionReason reason) {
            rejected.add(reason);
        }

        @Override
        public void notificationAcknowledged(NotificationKind kind, boolean duplicate) {
        }

        @Override
        public void notificationNotStored(NotificationKind kind) {
            notStored++;
        }

        @Override
        public void merchantRequestRefused(String errorCode) {
        }
    }
}
