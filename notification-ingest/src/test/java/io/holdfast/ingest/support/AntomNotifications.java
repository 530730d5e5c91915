package io.holdfast.ingest.support;

import io.holdfast.alipay.client.signing.SignedContent;
import io.holdfast.alipay.client.signing.Signer;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Signs and posts notifications the way Antom does (reference 1.5), with the test Antom key unless told otherwise. */
public final class AntomNotifications {

    private final WebTestClient http;

    public AntomNotifications(WebTestClient http) {
        this.http = http;
    }

    public static String payment(String paymentRequestId, String paymentId) {
        return """
                {"notifyType":"PAYMENT_RESULT","result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"},\
                "paymentRequestId":"%s","paymentId":"%s","paymentAmount":{"value":"8000","currency":"EUR"},\
                "paymentCreateTime":"2026-01-01T12:01:00+08:00","paymentTime":"2026-01-01T12:01:01+08:00",\
                "authExpiryTime":"2026-01-08T12:01:01+08:00",\
                "paymentResultInfo":{"cardNo":"405469******0768","cardBrand":"VISA","funding":"CREDIT","issuingCountry":"US"}}"""
                .formatted(paymentRequestId, paymentId);
    }

    /** notifyRefund as Antom documents it (antom-refunds.md 6): no paymentId. */
    public static String refund(String refundRequestId, String refundStatus) {
        String result = "SUCCESS".equals(refundStatus)
                ? """
                {"resultCode":"SUCCESS","resultMessage":"Success","resultStatus":"S"}"""
                : """
                {"resultCode":"PROCESS_FAIL","resultMessage":"failed","resultStatus":"F"}""";
        return """
                {"notifyType":"REFUND_RESULT","refundAmount":{"currency":"HKD","value":"10000"},"refundId":"%s",\
                "refundRequestId":"%s","refundStatus":"%s","refundTime":"2021-08-04T01:52:37-07:00","result":%s}"""
                .formatted(antomId(refundRequestId), refundRequestId, refundStatus, result);
    }

    /**
     * An id shaped like Antom's: 35 digits, a 14-digit timestamp and 21 more (antom-api.md, "Antom IDs"). A shorter
     * all-digit id of 13 to 19 digits would pass the Luhn check for one seed in ten, and the edge would rightly refuse
     * it as a card number.
     */
    static String antomId(String seed) {
        return "20210804085237" + "%021d".formatted(Integer.toUnsignedLong(seed.hashCode()));
    }

    public static String capture(String captureRequestId, String paymentId) {
        return """
                {"captureAmount":{"currency":"BRL","value":"50000"},"notifyType":"CAPTURE_RESULT","captureId":"cap-%s",\
                "captureRequestId":"%s","captureTime":"2026-01-02T00:34:52-08:00","paymentId":"%s",\
                "result":{"resultCode":"SUCCESS","resultMessage":"success.","resultStatus":"S"}}"""
                .formatted(paymentId, captureRequestId, paymentId);
    }

    public static String header(PrivateKey key, int keyVersion, String path, String clientId, String time, byte[] body) {
        return new Signer(key, keyVersion).sign(SignedContent.ofPost(path, clientId, time, body)).format();
    }

    /** Posts {@code body} to {@code path}, correctly signed for that path. */
    public WebTestClient.ResponseSpec post(String path, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String time = "1767225600000";
        return post(path, bytes, TestWorld.CLIENT_ID, time,
                header(TestWorld.ANTOM_KEYS.getPrivate(), 1, path, TestWorld.CLIENT_ID, time, bytes));
    }

    public WebTestClient.ResponseSpec post(String path, byte[] body, String clientId, String time, String signature) {
        WebTestClient.RequestBodySpec request = http.post().uri(path)
                .contentType(MediaType.parseMediaType("application/json; charset=UTF-8"));
        if (clientId != null) {
            request.header("client-id", clientId);
        }
        if (time != null) {
            request.header("request-time", time);
        }
        if (signature != null) {
            request.header("signature", signature);
        }
        return request.bodyValue(body).exchange();
    }
}
