package io.holdfast.ingest.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.ingest.adapter.metrics.MicrometerIngestMetrics;
import io.holdfast.ingest.domain.notification.NotificationId;
import io.holdfast.ingest.support.AntomNotifications;
import io.holdfast.ingest.support.IngestIntegrationTest;
import io.holdfast.ingest.support.TestWorld;
import io.holdfast.ingest.support.TopicRecords;
import io.holdfast.schemas.Topics;
import io.holdfast.schemas.notification.AlipayNotification;
import io.holdfast.schemas.notification.CaptureResultNotification;
import io.holdfast.schemas.notification.PaymentResultNotification;
import io.holdfast.schemas.notification.RefundResultNotification;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Antom notifications over real HTTP, real signatures and a real Kafka broker: verify, publish, then acknowledge. */
@IngestIntegrationTest
class NotificationIngestIntegrationTests {

    private static final String SUCCESS =
            "{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"}}";

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    MeterRegistry meters;

    private AntomNotifications antom;
    private TopicRecords topics;

    @BeforeEach
    void setUp() {
        antom = new AntomNotifications(WebTestClient.bindToServer().baseUrl("http://localhost:" + TestWorld.appPort())
                .build());
        topics = new TopicRecords(broker.getBrokersAsString());
    }

    @Test
    void aSignedPaymentNotificationIsOnKafkaWhenAntomGetsTheExactSuccessBody() {
        String paymentId = unique("pay");
        String body = AntomNotifications.payment("acme-order-1", paymentId);

        antom.post("/alipay/notifications/payment", body).expectStatus().isOk()
                .expectBody(String.class).isEqualTo(SUCCESS);

        // acks=all completed before the answer: the record is readable the moment the 200 arrives
        List<TopicRecords.Seen> stored = topics.matching(Topics.ALIPAY_NOTIFICATIONS, r -> paymentId.equals(r.key()));
        assertThat(stored).hasSize(1);
        AlipayNotification notification = (AlipayNotification) stored.get(0).value();
        assertThat(notification.getNotificationId())
                .isEqualTo(NotificationId.ofRawBody(body.getBytes(StandardCharsets.UTF_8)).value());
        assertThat(notification.getClientId()).isEqualTo(TestWorld.CLIENT_ID);
        assertThat(notification.getRequestTime()).isEqualTo("1767225600000");
        PaymentResultNotification payment = (PaymentResultNotification) notification.getPayload();
        assertThat(payment.getPaymentRequestId()).isEqualTo("acme-order-1");
        assertThat(payment.getResultStatus()).isEqualTo("S");
        assertThat(payment.getPaymentAmount().getValueMinor()).isEqualTo(8000L);
        assertThat(payment.getPaymentAmount().getCurrency()).isEqualTo("EUR");
        assertThat(payment.getAuthExpiryTime()).isEqualTo(Instant.parse("2026-01-08T04:01:01Z"));
        assertThat(payment.getCard().getMaskedCardNo()).isEqualTo("405469******0768");
    }

    @Test
    void aCaptureNotificationIsKeyedByAntomsPaymentId() {
        String paymentId = unique("pay");

        antom.post("/alipay/notifications/capture", AntomNotifications.capture("cap-req-1", paymentId))
                .expectStatus().isOk().expectBody(String.class).isEqualTo(SUCCESS);

        TopicRecords.Seen stored = topics.matching(Topics.ALIPAY_NOTIFICATIONS, r -> paymentId.equals(r.key())).get(0);
        CaptureResultNotification capture = (CaptureResultNotification) ((AlipayNotification) stored.value())
                .getPayload();
        assertThat(capture.getCaptureRequestId()).isEqualTo("cap-req-1");
        assertThat(capture.getCaptureAmount().getValueMinor()).isEqualTo(50000L);
    }

    @Test
    void aRefundNotificationIsVerifiedAndKeyedByItsRefundRequestIdAtEitherUrl() {
        String succeeded = unique("ref");
        String failed = unique("ref");

        antom.post("/alipay/notifications/refund", AntomNotifications.refund(succeeded, "SUCCESS"))
                .expectStatus().isOk().expectBody(String.class).isEqualTo(SUCCESS);
        antom.post("/alipay/notifications/payment", AntomNotifications.refund(failed, "FAIL"))
                .expectStatus().isOk().expectBody(String.class).isEqualTo(SUCCESS);

        RefundResultNotification refund = (RefundResultNotification) ((AlipayNotification) topics.matching(
                Topics.ALIPAY_NOTIFICATIONS, r -> succeeded.equals(r.key())).get(0).value()).getPayload();
        assertThat(refund.getRefundStatus()).isEqualTo("SUCCESS");
        assertThat(refund.getRefundAmount().getValueMinor()).isEqualTo(10000L);
        assertThat(refund.getRefundTime()).isEqualTo(Instant.parse("2021-08-04T08:52:37Z"));
        RefundResultNotification failure = (RefundResultNotification) ((AlipayNotification) topics.matching(
                Topics.ALIPAY_NOTIFICATIONS, r -> failed.equals(r.key())).get(0).value()).getPayload();
        assertThat(failure.getResultCode()).isEqualTo("PROCESS_FAIL");
        assertThat(failure.getRefundStatus()).isEqualTo("FAIL");
        antom.post("/alipay/notifications/refund", AntomNotifications.refund(unique("ref"), "PROCESSING"))
                .expectStatus().isBadRequest();
    }

    /** Antom sends notifyCapture (automatic captures included) to the payment's paymentNotifyUrl. */
    @Test
    void aCaptureNotificationAtThePaymentUrlIsStoredAsACaptureResult() {
        String paymentId = unique("pay");

        antom.post("/alipay/notifications/payment", AntomNotifications.capture("cap-req-2", paymentId))
                .expectStatus().isOk().expectBody(String.class).isEqualTo(SUCCESS);

        TopicRecords.Seen stored = topics.matching(Topics.ALIPAY_NOTIFICATIONS, r -> paymentId.equals(r.key())).get(0);
        assertThat(((AlipayNotification) stored.value()).getPayload()).isInstanceOf(CaptureResultNotification.class);
    }

    @Test
    void antomsRetriesOfOneNotificationAreAcknowledgedAndStoredOnce() {
        String paymentId = unique("pay");
        String body = AntomNotifications.payment("acme-order-2", paymentId);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String path = "/alipay/notifications/payment";

        antom.post(path, body).expectStatus().isOk().expectBody(String.class).isEqualTo(SUCCESS);
        // a retry may come re-signed with a later request-time: same body, same notificationId
        String later = "1767225720000";
        antom.post(path, bytes, TestWorld.CLIENT_ID, later, AntomNotifications.header(TestWorld.ANTOM_KEYS.getPrivate(),
                1, path, TestWorld.CLIENT_ID, later, bytes)).expectStatus().isOk().expectBody(String.class)
                .isEqualTo(SUCCESS);
        antom.post(path, body).expectStatus().isOk().expectBody(String.class).isEqualTo(SUCCESS);

        assertThat(topics.matching(Topics.ALIPAY_NOTIFICATIONS, r -> paymentId.equals(r.key()))).hasSize(1);
        assertThat(meters.counter(MicrometerIngestMetrics.ACKNOWLEDGED, "kind", "payment", "duplicate", "true")
                .count()).isGreaterThanOrEqualTo(2.0);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
