package io.holdfast.ingest.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.ingest.adapter.metrics.MicrometerIngestMetrics;
import io.holdfast.ingest.support.AntomNotifications;
import io.holdfast.ingest.support.IngestIntegrationTest;
import io.holdfast.ingest.support.TestWorld;
import io.holdfast.ingest.support.TopicRecords;
import io.holdfast.schemas.Topics;
import io.holdfast.schemas.notification.AlipayNotification;
import io.holdfast.schemas.notification.PaymentResultNotification;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A valid Antom signature proves who sent the bytes, not that they are sane (issue 18): a notification signed with
 * the right key that breaks the reference's field rules is refused with a 4xx in Antom's failure shape, counted by
 * reason, and never stored on Kafka. Antom's own documented quirks stay accepted.
 */
@IngestIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class NotificationStrictnessIntegrationTests {

    private static final String PATH = "/alipay/notifications/payment";
    private static final String PAN = "4054695723100768";

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

    /** A signed body that breaks a rule, and the reason it must be refused with. */
    record Hostile(String name, String reason, String body, String mustNotEcho) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> issue18Examples() {
        return Stream.of(
                new Hostile("paymentRequestId of 10,000 characters", "FIELD_TOO_LONG",
                        payment("x".repeat(10_000), "PAYID"), null),
                new Hostile("a repeated key", "DUPLICATE_KEY",
                        payment("acme-dup", "PAYID").replace("\"paymentId\":\"PAYID\"",
                                "\"paymentId\":\"1\",\"paymentId\":\"PAYID\""), null),
                new Hostile("resultStatus Q", "INVALID_VALUE",
                        payment("acme-q", "PAYID").replace("\"resultStatus\":\"S\"", "\"resultStatus\":\"Q\""), null),
                new Hostile("currency US", "INVALID_CURRENCY",
                        payment("acme-us", "PAYID").replace("\"currency\":\"EUR\"", "\"currency\":\"US\""), null),
                new Hostile("paymentTime yesterday", "INVALID_TIME",
                        payment("acme-yesterday", "PAYID").replace("\"paymentTime\":\"2026-01-01T12:01:01+08:00\"",
                                "\"paymentTime\":\"yesterday\""), null),
                new Hostile("extra cardNo and cvv", "CARD_DATA",
                        payment("acme-card", "PAYID").replace("{\"notifyType\"",
                                "{\"cardNo\":\"" + PAN + "\",\"cvv\":\"123\",\"notifyType\""), PAN),
                new Hostile("extra cvv alone", "CARD_DATA",
                        payment("acme-cvv", "PAYID").replace("{\"notifyType\"", "{\"cvv\":\"123\",\"notifyType\""),
                        null),
                new Hostile("a full card number in paymentResultInfo.cardNo", "CARD_DATA",
                        payment("acme-pan", "PAYID").replace("405469******0768", PAN), PAN))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("issue18Examples")
    void aSignedButInsaneNotificationIsRefusedCountedAndNeverStored(Hostile hostile, CapturedOutput output) {
        String paymentId = "pay-" + UUID.randomUUID();
        String body = hostile.body().replace("PAYID", paymentId);
        double before = rejected(hostile.reason());

        String answer = antom.post(PATH, body)
                .expectStatus().isBadRequest()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(answer).contains("\"resultCode\":\"" + hostile.reason() + "\"", "\"resultStatus\":\"F\"");
        assertThat(rejected(hostile.reason())).isEqualTo(before + 1);
        assertThat(topics.matching(Topics.ALIPAY_NOTIFICATIONS, r -> paymentId.equals(r.key()))).isEmpty();
        if (hostile.mustNotEcho() != null) {
            assertThat(answer).doesNotContain(hostile.mustNotEcho());
            assertThat(output.getAll()).doesNotContain(hostile.mustNotEcho());
        }
    }

    static Stream<Arguments> antomQuirks() {
        return Stream.of(
                Arguments.of("amount value as a JSON number (reference 9: accept both)",
                        payment("acme-q1", "PAYID").replace("\"value\":\"8000\"", "\"value\":8000")),
                Arguments.of("offsets +08:30 and -07:00, and Z (reference 7.1, 9)",
                        payment("acme-q2", "PAYID").replace("2026-01-01T12:01:00+08:00", "2026-01-01T12:01:00+08:30")
                                .replace("2026-01-01T12:01:01+08:00", "2026-01-01T12:01:01-07:00")
                                .replace("2026-01-08T12:01:01+08:00", "2026-01-08T04:01:01Z")),
                Arguments.of("fractions of a second", payment("acme-q3", "PAYID")
                        .replace("2026-01-01T12:01:01+08:00", "2026-01-01T12:01:01.253+05:30")),
                Arguments.of("resultStatus U with PAYMENT_IN_PROCESS (reference 7.1 result codes)",
                        payment("acme-q4", "PAYID").replace("\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\"",
                                "\"resultCode\":\"PAYMENT_IN_PROCESS\",\"resultStatus\":\"U\"")),
                Arguments.of("PAYMENT_PENDING with S (reference 7.1)",
                        payment("acme-q5", "PAYID").replace("PAYMENT_RESULT", "PAYMENT_PENDING")),
                Arguments.of("no resultMessage, no optional times", """
                        {"notifyType":"PAYMENT_RESULT","result":{"resultCode":"DO_NOT_HONOR","resultStatus":"F"},\
                        "paymentRequestId":"acme-q6","paymentId":"PAYID","paymentAmount":{"currency":"JPY","value":"1"}}"""),
                Arguments.of("SDK extras and fields we do not know are ignored",
                        payment("acme-q7", "PAYID").replace("{\"notifyType\"",
                                "{\"acquirerInfo\":{\"acquirerName\":\"X\"},\"promotionResult\":[],\"metadata\":\"m\","
                                        + "\"grossSettlementAmount\":{\"value\":\"1\",\"currency\":\"SGD\"},"
                                        + "\"somethingNew\":{\"nested\":[1,2,3]},\"notifyType\"")),
                Arguments.of("notifyCapture at the payment URL without notifyType", AntomNotifications
                        .capture("cap-q8", "PAYID").replace("\"notifyType\":\"CAPTURE_RESULT\",", "")),
                Arguments.of("a paymentRequestId of exactly 64 characters", payment("a".repeat(64), "PAYID")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("antomQuirks")
    void antomsDocumentedQuirksStayAccepted(String quirk, String body) {
        String paymentId = "pay-" + UUID.randomUUID();
        String path = quirk.startsWith("notifyCapture") ? "/alipay/notifications/capture" : PATH;

        antom.post(path, body.replace("PAYID", paymentId)).expectStatus().isOk();

        assertThat(topics.matching(Topics.ALIPAY_NOTIFICATIONS, r -> paymentId.equals(r.key()))).hasSize(1);
    }

    @Test
    void anAcceptedNotificationKeepsItsValues() {
        String paymentId = "pay-" + UUID.randomUUID();
        antom.post(PATH, payment("acme-kept", paymentId).replace("\"value\":\"8000\"", "\"value\":8000"))
                .expectStatus().isOk();

        PaymentResultNotification stored = (PaymentResultNotification) ((AlipayNotification) topics
                .matching(Topics.ALIPAY_NOTIFICATIONS, r -> paymentId.equals(r.key())).get(0).value()).getPayload();
        assertThat(stored.getPaymentAmount().getValueMinor()).isEqualTo(8000L);
        assertThat(stored.getPaymentTime()).isNotNull();
    }

    private static String payment(String paymentRequestId, String paymentId) {
        return AntomNotifications.payment(paymentRequestId, paymentId);
    }

    private double rejected(String reason) {
        return meters.counter(MicrometerIngestMetrics.REJECTED, "kind", "payment", "reason", reason).count();
    }
}
