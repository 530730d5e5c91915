package io.holdfast.ingest.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.alipay.client.signing.AlipayKeys;
import io.holdfast.ingest.adapter.metrics.MicrometerIngestMetrics;
import io.holdfast.ingest.support.AntomNotifications;
import io.holdfast.ingest.support.IngestIntegrationTest;
import io.holdfast.ingest.support.TestWorld;
import io.holdfast.ingest.support.TopicRecords;
import io.holdfast.schemas.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Forged, unsigned, malformed and oversized notifications: 4xx with a reason, counted, never published. */
@IngestIntegrationTest
class NotificationRejectionIntegrationTests {

    private static final String PATH = "/alipay/notifications/payment";
    private static final String TIME = "1767225600000";
    private static final PrivateKey ANTOM = TestWorld.ANTOM_KEYS.getPrivate();
    private static final PrivateKey IMPOSTOR = AlipayKeys.generate(new SecureRandom()).getPrivate();

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    MeterRegistry meters;

    private AntomNotifications antom;

    @BeforeEach
    void setUp() {
        antom = new AntomNotifications(WebTestClient.bindToServer().baseUrl("http://localhost:" + TestWorld.appPort())
                .build());
    }

    /** A case: what is sent and which reason comes back. */
    record Forgery(String name, int status, String reason, String path, String clientId, String time,
            Signing signing, String body) {

        @Override
        public String toString() {
            return name;
        }
    }

    /** How the signature header is made for a case. */
    interface Signing {
        String header(String path, String clientId, String time, byte[] body);
    }

    static Stream<Arguments> forgeries() {
        String good = AntomNotifications.payment("acme-forged", "pay-forged");
        Signing antom = (p, c, t, b) -> AntomNotifications.header(ANTOM, 1, p, c, t, b);
        return Stream.of(
                new Forgery("unsigned", 401, "MISSING_SIGNATURE", PATH, TestWorld.CLIENT_ID, TIME, null, good),
                new Forgery("garbage signature header", 401, "MALFORMED_SIGNATURE", PATH, TestWorld.CLIENT_ID, TIME,
                        (p, c, t, b) -> "algorithm=RSA256,keyVersion=1", good),
                new Forgery("signed by someone else", 401, "SIGNATURE_MISMATCH", PATH, TestWorld.CLIENT_ID, TIME,
                        (p, c, t, b) -> AntomNotifications.header(IMPOSTOR, 1, p, c, t, b), good),
                new Forgery("tampered body", 401, "SIGNATURE_MISMATCH", PATH, TestWorld.CLIENT_ID, TIME,
                        (p, c, t, b) -> antom.header(p, c, t, good.replace("8000", "1").getBytes(StandardCharsets.UTF_8)),
                        good),
                new Forgery("signed for another URL", 401, "SIGNATURE_MISMATCH", PATH, TestWorld.CLIENT_ID, TIME,
                        (p, c, t, b) -> antom.header("/alipay/notifications/capture", c, t, b), good),
                new Forgery("signed for another request-time", 401, "SIGNATURE_MISMATCH", PATH, TestWorld.CLIENT_ID,
                        TIME, (p, c, t, b) -> antom.header(p, c, "1767225600001", b), good),
                new Forgery("unknown key version", 401, "UNKNOWN_KEY_VERSION", PATH, TestWorld.CLIENT_ID, TIME,
                        (p, c, t, b) -> AntomNotifications.header(ANTOM, 7, p, c, t, b), good),
                new Forgery("another client id", 401, "CLIENT_ID_MISMATCH", PATH, "SOMEONE_ELSE", TIME, antom, good),
                new Forgery("no client id", 401, "MISSING_CLIENT_ID", PATH, null, TIME, antom, good),
                new Forgery("no request-time", 401, "MISSING_REQUEST_TIME", PATH, TestWorld.CLIENT_ID, null, antom, good),
                new Forgery("signed but not JSON", 400, "MALFORMED_BODY", PATH, TestWorld.CLIENT_ID, TIME, antom,
                        "notifyType=PAYMENT_RESULT"),
                new Forgery("signed but without paymentId", 400, "MALFORMED_BODY", PATH, TestWorld.CLIENT_ID, TIME,
                        antom, good.replace("\"paymentId\":\"pay-forged\",", "")),
                new Forgery("signed with a notifyType we do not handle", 400, "UNEXPECTED_NOTIFY_TYPE", PATH,
                        TestWorld.CLIENT_ID, TIME, antom, good.replace("PAYMENT_RESULT", "DISPUTE_RESULT")),
                new Forgery("signed REFUND_RESULT without the refund fields", 400, "MALFORMED_BODY", PATH,
                        TestWorld.CLIENT_ID, TIME, antom, good.replace("PAYMENT_RESULT", "REFUND_RESULT")),
                new Forgery("signed CAPTURE_RESULT without the capture fields", 400, "MALFORMED_BODY", PATH,
                        TestWorld.CLIENT_ID, TIME, antom, good.replace("PAYMENT_RESULT", "CAPTURE_RESULT")))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    void refusedWithAReasonAndCounted(Forgery forgery) {
        byte[] body = forgery.body().getBytes(StandardCharsets.UTF_8);
        String signature = forgery.signing() == null ? null
                : forgery.signing().header(forgery.path(), forgery.clientId() == null ? TestWorld.CLIENT_ID
                        : forgery.clientId(), forgery.time() == null ? TIME : forgery.time(), body);
        double before = rejected(forgery.reason());

        antom.post(forgery.path(), body, forgery.clientId(), forgery.time(), signature)
                .expectStatus().isEqualTo(forgery.status())
                .expectBody()
                .jsonPath("$.result.resultCode").isEqualTo(forgery.reason())
                .jsonPath("$.result.resultStatus").isEqualTo("F")
                .jsonPath("$.result.resultMessage").isNotEmpty();

        assertThat(rejected(forgery.reason())).isEqualTo(before + 1);
    }

    @Test
    void missingPaymentIdIsNamedInTheAnswer() {
        String body = AntomNotifications.payment("acme-x", "pay-x").replace("\"paymentId\":\"pay-x\",", "");
        antom.post(PATH, body).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.result.resultMessage").isEqualTo("paymentId is required");
    }

    @Test
    void aBodyOverTheSizeLimitIs413() {
        byte[] big = new byte[65 * 1024];
        Arrays.fill(big, (byte) ' ');
        antom.post(PATH, big, TestWorld.CLIENT_ID, TIME, AntomNotifications.header(ANTOM, 1, PATH,
                TestWorld.CLIENT_ID, TIME, big)).expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.result.resultCode").isEqualTo("TOO_LARGE");
    }

    @Test
    void anUnknownNotificationUrlIs404() {
        antom.post("/alipay/notifications/dispute", "{}").expectStatus().isNotFound();
    }

    @Test
    void nothingRefusedReachesKafka() {
        String paymentId = "pay-" + UUID.randomUUID();
        String good = AntomNotifications.payment("acme-never", paymentId);
        antom.post(PATH, good.getBytes(StandardCharsets.UTF_8), TestWorld.CLIENT_ID, TIME,
                AntomNotifications.header(IMPOSTOR, 1, PATH, TestWorld.CLIENT_ID, TIME,
                        good.getBytes(StandardCharsets.UTF_8))).expectStatus().isUnauthorized();
        // a later, valid notification is stored; everything sent before it has been decided
        String marker = "pay-" + UUID.randomUUID();
        antom.post(PATH, AntomNotifications.payment("acme-marker", marker)).expectStatus().isOk();

        TopicRecords topics = new TopicRecords(broker.getBrokersAsString());
        assertThat(topics.matching(Topics.ALIPAY_NOTIFICATIONS, r -> marker.equals(r.key()))).hasSize(1);
        assertThat(topics.matching(Topics.ALIPAY_NOTIFICATIONS, r -> paymentId.equals(r.key()))).isEmpty();
    }

    private double rejected(String reason) {
        return meters.counter(MicrometerIngestMetrics.REJECTED, "kind", "payment", "reason", reason).count();
    }
}
