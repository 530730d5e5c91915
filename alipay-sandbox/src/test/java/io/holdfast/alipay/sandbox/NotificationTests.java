package io.holdfast.alipay.sandbox;

import static io.holdfast.alipay.sandbox.Requests.PAY;
import static io.holdfast.alipay.sandbox.Requests.VISA;
import static io.holdfast.alipay.sandbox.Requests.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.holdfast.alipay.sandbox.notify.AttemptOutcome;
import io.holdfast.alipay.sandbox.notify.DeliveryAttempt;
import io.holdfast.alipay.sandbox.notify.DeliveryStatus;
import io.holdfast.alipay.sandbox.notify.DeliveryView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Delivery, acknowledgement and Antom's retry schedule, driven by moving the sandbox clock. */
class NotificationTests {

    static final String NOT_ACK = "{\"result\":{\"resultCode\":\"FAIL\",\"resultStatus\":\"F\",\"resultMessage\":\"nope\"}}";

    AlipaySandbox sandbox;
    NotificationReceiver receiver;
    Merchant merchant;

    @BeforeEach
    void start() {
        receiver = new NotificationReceiver();
        sandbox = Merchant.sandbox().httpsPort(null)
                .clock(Clock.fixed(Instant.parse("2026-05-01T00:00:00Z"), ZoneOffset.UTC)).start();
        merchant = new Merchant(sandbox.baseUrl());
    }

    @AfterEach
    void stop() {
        sandbox.close();
        receiver.close();
    }

    private String pay(String captureMode) {
        return merchant.post(PAY, Requests.pay(id("n"), "100", VISA, captureMode, receiver.url()), sandbox)
                .status("paymentId");
    }

    private DeliveryView delivery() {
        return sandbox.control().deliveries().get(0);
    }

    private void awaitAttempts(int count) {
        await().atMost(Duration.ofSeconds(5)).until(() -> delivery().attempts().size() == count
                && delivery().status() != DeliveryStatus.IN_FLIGHT);
    }

    @Test
    void unacknowledgedNotificationsAreRetriedOnAntomsSchedule() {
        receiver.reply(NOT_ACK);
        pay("MANUAL");
        awaitAttempts(1);
        Instant first = delivery().attempts().get(0).dueAt();
        List<Duration> intervals = List.of(Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofMinutes(10),
                Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(6), Duration.ofHours(15));
        Duration offset = Duration.ZERO;
        for (int i = 0; i < intervals.size(); i++) {
            sandbox.control().advanceClock(intervals.get(i).minusSeconds(1));
            assertThat(delivery().attempts()).hasSize(i + 1);
            assertThat(delivery().status()).isEqualTo(DeliveryStatus.PENDING);
            sandbox.control().advanceClock(Duration.ofSeconds(1));
            awaitAttempts(i + 2);
            offset = offset.plus(intervals.get(i));
            assertThat(delivery().attempts().get(i + 1).dueAt()).isEqualTo(first.plus(offset));
        }
        assertThat(offset).isEqualTo(Duration.ofHours(24).plusMinutes(22));
        assertThat(delivery().status()).isEqualTo(DeliveryStatus.EXHAUSTED);
        assertThat(delivery().attempts()).extracting(DeliveryAttempt::outcome)
                .containsOnly(AttemptOutcome.NOT_ACKNOWLEDGED);
        sandbox.control().advanceClock(Duration.ofDays(2));
        assertThat(receiver.received()).hasSize(8);
        assertThat(receiver.received()).extracting(NotificationReceiver.Received::requestTime).doesNotHaveDuplicates();
        assertThat(receiver.received()).allMatch(r -> r.verifies(sandbox.sandboxPublicKey()));
        assertThat(receiver.received()).extracting(r -> new String(r.body())).containsOnly(new String(receiver.received().get(0).body()));
    }

    @Test
    void retriesStopAtTheExactAcknowledgement() {
        receiver.reply("{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"Success\"}}");
        pay("MANUAL");
        awaitAttempts(1);
        receiver.reply("{ \"result\" : { \"resultMessage\":\"success\", \"resultStatus\":\"S\", \"resultCode\":\"SUCCESS\" } }");
        sandbox.control().advanceClock(Duration.ofMinutes(2));
        awaitAttempts(2);
        assertThat(delivery().status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(delivery().nextAttemptAt()).isNull();
        sandbox.control().advanceClock(Duration.ofHours(30));
        assertThat(receiver.received()).hasSize(2);
    }

    @Test
    void anUnreachableEndpointIsRetriedToo() {
        String url = receiver.url();
        receiver.close();
        merchant.post(PAY, Requests.pay(id("n"), "100", VISA, "MANUAL", url), sandbox);
        awaitAttempts(1);
        assertThat(delivery().attempts().get(0).outcome()).isEqualTo(AttemptOutcome.NO_ANSWER);
        assertThat(delivery().status()).isEqualTo(DeliveryStatus.PENDING);
    }

    @Test
    void duplicatedNotificationsArriveTwice() {
        sandbox.control().duplicateNextNotifications(1);
        String paymentId = pay("MANUAL");
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.bodiesFor(paymentId).size() == 2);
        assertThat(receiver.bodiesFor(paymentId).get(0)).isEqualTo(receiver.bodiesFor(paymentId).get(1));
        assertThat(sandbox.control().deliveries().get(1).duplicateOf()).isEqualTo(1L);
    }

    @Test
    void droppedNotificationsAreNeverSentButLaterOnesAre() {
        sandbox.control().dropNextNotifications(1);
        String paymentId = pay(null);
        sandbox.control().advanceClock(Duration.ofDays(2));
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.bodiesFor(paymentId).size() == 1);
        assertThat(receiver.bodiesFor(paymentId)).extracting(n -> n.path("notifyType").asString())
                .containsExactly("CAPTURE_RESULT");
        assertThat(delivery().status()).isEqualTo(DeliveryStatus.DROPPED);
        assertThat(delivery().attempts()).isEmpty();
    }

    @Test
    void reorderedNotificationsArriveOutOfOrder() {
        sandbox.control().reorderNextNotifications(1);
        String paymentId = pay(null);
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.bodiesFor(paymentId).size() == 2);
        assertThat(receiver.bodiesFor(paymentId)).extracting(n -> n.path("notifyType").asString())
                .containsExactly("CAPTURE_RESULT", "PAYMENT_RESULT");
    }

    @Test
    void delayedNotificationsWaitForTheClock() {
        sandbox.control().delayNextNotifications(1, Duration.ofMinutes(5));
        String paymentId = pay("MANUAL");
        sandbox.control().advanceClock(Duration.ofMinutes(4));
        assertThat(delivery().attempts()).isEmpty();
        assertThat(receiver.bodiesFor(paymentId)).isEmpty();
        sandbox.control().advanceClock(Duration.ofMinutes(1));
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.bodiesFor(paymentId).size() == 1);
    }
}
