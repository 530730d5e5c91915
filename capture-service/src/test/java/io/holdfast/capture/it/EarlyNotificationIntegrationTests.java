package io.holdfast.capture.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.alipay.client.signing.AlipayKeys;
import io.holdfast.capture.application.CaptureNotificationHandler;
import io.holdfast.capture.application.PaymentEventHandler;
import io.holdfast.capture.application.ScheduleStore;
import io.holdfast.capture.domain.AuthorizedPayment;
import io.holdfast.capture.domain.CaptureMode;
import io.holdfast.capture.domain.CaptureNotification;
import io.holdfast.capture.domain.CaptureStatus;
import io.holdfast.capture.domain.DeadlinePolicy;
import io.holdfast.capture.domain.Money;
import io.holdfast.messaging.testing.EmbeddedDatabase;
import io.holdfast.messaging.testing.MutableClock;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * notifyCaptures that arrive before their PaymentAuthorized, on real PostgreSQL: parked, applied exactly once when
 * the row opens even when both race, and purged after the retention if the payment never comes. The service's loops
 * and listeners are off: the tests call the use cases.
 */
@SpringBootTest(properties = {
        "holdfast.capture.scheduler.enabled=false",
        "spring.kafka.listener.auto-startup=false",
        "holdfast.alipay.base-url=https://localhost:1",
        "holdfast.alipay.client-id=UNUSED"})
class EarlyNotificationIntegrationTests {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2027-03-01T00:00:00Z"));
    static final Duration RETENTION = Duration.ofDays(7);

    @Autowired
    PaymentEventHandler events;
    @Autowired
    CaptureNotificationHandler notifications;
    @Autowired
    ScheduleStore store;
    @Autowired
    DatabaseClient db;

    @TestConfiguration
    static class TestClock {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        EmbeddedDatabase.register(registry, "capture_early");
        var keys = AlipayKeys.generate(new SecureRandom()); // TEST-ONLY, never used for a call
        registry.add("holdfast.alipay.merchant-private-key", () -> AlipayKeys.toBase64(keys.getPrivate()));
        registry.add("holdfast.alipay.alipay-public-key", () -> AlipayKeys.toBase64(keys.getPublic()));
        registry.add("holdfast.schema-registry.url", () -> "http://localhost:1");
    }

    @Test
    void parkedFirstThenOpenedCapturesOnceAndALateDuplicateChangesNothing() {
        String id = "seq-" + UUID.randomUUID();
        CaptureNotification n = succeeded(id);
        notifications.captureResult(n).block();
        assertThat(parked(id)).isEqualTo(1);
        notifications.captureResult(n).block(); // redelivered before the row exists: the inbox drops it
        assertThat(parked(id)).isEqualTo(1);

        events.authorized("ev-" + id, automatic(id)).block();
        assertThat(store.find(id).block().status()).isEqualTo(CaptureStatus.CAPTURED);
        assertThat(store.find(id).block().captureRequestId()).isEqualTo("antom-cr-" + id);
        assertThat(parked(id)).isZero();
        notifications.captureResult(n).block();
        notifications.captureResult(new CaptureNotification("n2-" + id, n.paymentId(), n.captureRequestId(),
                n.captureId(), true, "SUCCESS", null, n.amount(), n.captureTime())).block();
        events.authorized("ev-" + id, automatic(id)).block();
        assertThat(outboxCount(id, "CaptureSucceeded")).isEqualTo(1);
        assertThat(parked(id)).isZero();
    }

    @Test
    void parkingAndOpeningRacingEachOtherApplyEveryNotificationOnce() throws Exception {
        List<String> ids = IntStream.range(0, 30).mapToObj(i -> "race-" + i + "-" + UUID.randomUUID()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (String id : ids) {
                CyclicBarrier together = new CyclicBarrier(2);
                all.add(CompletableFuture.runAsync(() -> {
                    await(together);
                    notifications.captureResult(succeeded(id)).block();
                }, pool));
                all.add(CompletableFuture.runAsync(() -> {
                    await(together);
                    events.authorized("ev-" + id, automatic(id)).block();
                }, pool));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        for (String id : ids) {
            assertThat(store.find(id).block().status()).as(id).isEqualTo(CaptureStatus.CAPTURED);
            assertThat(outboxCount(id, "CaptureSucceeded")).as(id).isEqualTo(1);
            assertThat(parked(id)).as(id).isZero();
        }
    }

    @Test
    void aNotificationThatCannotBeAboutTheOpenedRowIsDiscarded() {
        String id = "manual-" + UUID.randomUUID();
        notifications.captureResult(succeeded(id)).block();
        events.authorized("ev-" + id, new AuthorizedPayment(id, "ap-" + id, null, new Money(1000, "USD"),
                CaptureMode.MANUAL, CLOCK.instant(), null, DeadlinePolicy.CAPTURE)).block();
        assertThat(store.find(id).block().status()).isEqualTo(CaptureStatus.AUTHORIZED);
        assertThat(parked(id)).isZero();
        assertThat(outboxCount(id, "CaptureSucceeded")).isZero();
    }

    @Test
    void aParkedNotificationWhosePaymentNeverComesIsPurgedAfterTheRetention() {
        String id = "orphan-" + UUID.randomUUID();
        notifications.captureResult(succeeded(id)).block();
        notifications.purgeParked(RETENTION).block();
        assertThat(parked(id)).isEqualTo(1);
        CLOCK.advance(RETENTION.plusMinutes(1));
        assertThat(notifications.purgeParked(RETENTION).block()).isPositive();
        assertThat(parked(id)).isZero();
    }

    private static AuthorizedPayment automatic(String id) {
        return new AuthorizedPayment(id, "ap-" + id, null, new Money(1000, "USD"), CaptureMode.AUTOMATIC,
                CLOCK.instant(), null, null);
    }

    private static CaptureNotification succeeded(String id) {
        return new CaptureNotification("n-" + id, "ap-" + id, "antom-cr-" + id, "c-" + id, true, "SUCCESS", "success",
                new Money(1000, "USD"), CLOCK.instant());
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long parked(String id) {
        return db.sql("select count(*) as n from early_capture_notification where payment_id = :pid")
                .bind("pid", "ap-" + id).map(r -> r.get("n", Long.class)).one().block();
    }

    private long outboxCount(String id, String type) {
        return db.sql("select count(*) as n from outbox where aggregate_id = :id and event_type = :type")
                .bind("id", id).bind("type", type).map(r -> r.get("n", Long.class)).one().block();
    }
}
