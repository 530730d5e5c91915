package io.holdfast.alipay.client.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.alipay.client.AlipayJson;
import io.holdfast.alipay.client.TestKeys;
import io.holdfast.alipay.client.model.CaptureResultNotification;
import io.holdfast.alipay.client.model.ResultStatus;
import io.holdfast.alipay.client.notification.NotificationVerification.Rejected;
import io.holdfast.alipay.client.notification.NotificationVerification.RejectionReason;
import io.holdfast.alipay.client.notification.NotificationVerification.Verified;
import io.holdfast.alipay.client.signing.SignedContent;
import io.holdfast.alipay.client.signing.Signer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NotificationVerifierTests {

    private static final String CLIENT_ID = "SANDBOX_5X00000000000000";
    private static final String PATH = "/antom/notify";
    private static final String TIME = "2019-01-01T01:01:01Z";
    private static final byte[] BODY = ("{\"captureAmount\":{\"currency\":\"BRL\",\"value\":\"50000\"},\"notifyType\":\"CAPTURE_RESULT\","
            + "\"captureId\":\"2022XXXXXXX\",\"captureRequestId\":\"CAP_1\",\"captureTime\":\"2022-11-10T00:34:52-08:00\","
            + "\"paymentId\":\"2022XXXXXXX\",\"result\":{\"resultCode\":\"SUCCESS\",\"resultMessage\":\"success.\",\"resultStatus\":\"S\"}}")
            .getBytes(StandardCharsets.UTF_8);

    private final NotificationVerifier verifier = new NotificationVerifier(CLIENT_ID, TestKeys.antomKeys());

    private static String sign(Signer signer, String path, String time, byte[] body) {
        return signer.sign(SignedContent.ofPost(path, CLIENT_ID, time, body)).format();
    }

    @Test
    void verifiesAnAuthenticNotificationAndItsBodyParses() {
        NotificationHeaders headers = new NotificationHeaders(CLIENT_ID, TIME, sign(TestKeys.antomSigner(), PATH, TIME, BODY));

        assertThat(verifier.verify(PATH, headers, BODY)).isEqualTo(new Verified(CLIENT_ID, TIME));
        CaptureResultNotification notification = AlipayJson.mapper().readValue(BODY, CaptureResultNotification.class);
        assertThat(notification.result().resultStatus()).isEqualTo(ResultStatus.S);
        assertThat(notification.captureAmount().minorUnits()).isEqualTo(50000);
    }

    @Test
    void requestTimeIsOpaque() {
        String millis = "1685599933871";
        NotificationHeaders headers = new NotificationHeaders(CLIENT_ID, millis, sign(TestKeys.antomSigner(), PATH, millis, BODY));

        assertThat(verifier.verify(PATH, headers, BODY)).isInstanceOf(Verified.class);
    }

    @Test
    void rejectsWhatIsNotAuthentic() {
        String good = sign(TestKeys.antomSigner(), PATH, TIME, BODY);
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("50000", "50001").getBytes(StandardCharsets.UTF_8);

        assertThat(verifier.verify(PATH, new NotificationHeaders(null, TIME, good), BODY))
                .isEqualTo(new Rejected(RejectionReason.MISSING_CLIENT_ID));
        assertThat(verifier.verify(PATH, new NotificationHeaders("SANDBOX_OTHER", TIME, good), BODY))
                .isEqualTo(new Rejected(RejectionReason.CLIENT_ID_MISMATCH));
        assertThat(verifier.verify(PATH, new NotificationHeaders(CLIENT_ID, null, good), BODY))
                .isEqualTo(new Rejected(RejectionReason.MISSING_REQUEST_TIME));
        assertThat(verifier.verify(PATH, new NotificationHeaders(CLIENT_ID, TIME, null), BODY))
                .isEqualTo(new Rejected(RejectionReason.MISSING_SIGNATURE));
        assertThat(verifier.verify(PATH, new NotificationHeaders(CLIENT_ID, TIME, "algorithm=RSA256"), BODY))
                .isEqualTo(new Rejected(RejectionReason.MALFORMED_SIGNATURE));
        assertThat(verifier.verify(PATH, new NotificationHeaders(CLIENT_ID, TIME, good), tampered))
                .isEqualTo(new Rejected(RejectionReason.SIGNATURE_MISMATCH));
        assertThat(verifier.verify("/other/path", new NotificationHeaders(CLIENT_ID, TIME, good), BODY))
                .isEqualTo(new Rejected(RejectionReason.SIGNATURE_MISMATCH));
        assertThat(verifier.verify(PATH, new NotificationHeaders(CLIENT_ID, "2019-01-01T01:01:02Z", good), BODY))
                .isEqualTo(new Rejected(RejectionReason.SIGNATURE_MISMATCH));
        assertThat(verifier.verify(PATH, new NotificationHeaders(CLIENT_ID, TIME,
                sign(new Signer(TestKeys.STRANGER.getPrivate(), 1), PATH, TIME, BODY)), BODY))
                .isEqualTo(new Rejected(RejectionReason.SIGNATURE_MISMATCH));
        assertThat(verifier.verify(PATH, new NotificationHeaders(CLIENT_ID, TIME,
                sign(new Signer(TestKeys.ANTOM.getPrivate(), 2), PATH, TIME, BODY)), BODY))
                .isEqualTo(new Rejected(RejectionReason.UNKNOWN_KEY_VERSION));
    }
}
