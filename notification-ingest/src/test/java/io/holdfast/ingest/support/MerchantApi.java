package io.holdfast.ingest.support;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Calls the merchant API over real HTTP. */
public final class MerchantApi {

    /** The card security code {@link #authorizeWithCard} sends (a test card's). */
    public static final String CVV = "737";

    private final WebTestClient http;

    public MerchantApi(int port) {
        this.http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    public static String authorizeWithToken(String cardToken, long valueMinor) {
        return """
                {"amount":{"valueMinor":%d,"currency":"USD"},"captureMode":"MANUAL","deadlinePolicy":"VOID",\
                "card":{"cardToken":"%s"},\
                "order":{"referenceOrderId":"order-1","orderDescription":"Two mugs",\
                "goods":[{"referenceGoodsId":"mug","goodsName":"Mug","unitAmount":{"valueMinor":%d,"currency":"USD"},"quantity":2}]},\
                "env":{"terminalType":"WEB","clientIp":"203.0.113.7"},\
                "paymentRedirectUrl":"https://shop.example/return","merchantRegion":"SG"}"""
                .formatted(valueMinor, cardToken, valueMinor / 2);
    }

    public static String authorizeWithCard(String cardNo, long valueMinor) {
        return """
                {"amount":{"valueMinor":%d,"currency":"USD"},"captureMode":"MANUAL",\
                "card":{"cardNo":"%s","cvv":"%s","expiryMonth":"12","expiryYear":"30","holderName":"Ada Lovelace"},\
                "order":{"referenceOrderId":"order-2","orderDescription":"A lamp"},\
                "env":{"terminalType":"WEB"},"paymentRedirectUrl":"https://shop.example/return"}"""
                .formatted(valueMinor, cardNo, CVV);
    }

    public WebTestClient.ResponseSpec post(String path, String apiKey, String idempotencyKey, String json) {
        WebTestClient.RequestBodySpec request = http.post().uri(path).contentType(MediaType.APPLICATION_JSON);
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return json == null ? request.exchange() : request.bodyValue(json).exchange();
    }

    public WebTestClient http() {
        return http;
    }
}
