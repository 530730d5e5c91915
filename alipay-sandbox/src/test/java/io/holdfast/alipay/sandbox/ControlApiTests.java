package io.holdfast.alipay.sandbox;

import static io.holdfast.alipay.sandbox.Requests.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.holdfast.alipay.sandbox.core.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ControlApiTests {

    static AlipaySandbox sandbox;
    static Merchant merchant;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        sandbox = Merchant.sandbox().httpsPort(null).start();
        merchant = new Merchant(sandbox.baseUrl());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/sandbox/control" + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theClockMovesForwardOnly() throws Exception {
        JsonNode before = Json.MAPPER.readTree(call("GET", "/clock", null).body());
        HttpResponse<String> moved = call("POST", "/clock/advance", "{\"duration\":\"P1DT2H\"}");
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(java.time.Instant.parse(Json.MAPPER.readTree(moved.body()).path("now").asString()))
                .isAfterOrEqualTo(java.time.Instant.parse(before.path("now").asString()).plusSeconds(26 * 3600));
        assertThat(call("POST", "/clock/advance", "{\"duration\":\"-PT1S\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void theClockReadingCarriesTheOffsetFromRealTimeForServicesToFollow() throws Exception {
        JsonNode before = Json.MAPPER.readTree(call("GET", "/clock", null).body());
        long advancedBefore = java.time.Duration.parse(before.path("advancedBy").asString()).toMillis();
        assertThat(before.path("now").asString()).endsWith("Z");
        assertThat(before.path("offsetMillis").asLong()).isBetween(advancedBefore - 1_000, advancedBefore + 1_000);

        JsonNode after = Json.MAPPER.readTree(call("POST", "/clock/advance", "{\"duration\":\"PT3H\"}").body());

        long expected = advancedBefore + java.time.Duration.ofHours(3).toMillis();
        assertThat(java.time.Duration.parse(after.path("advancedBy").asString()).toMillis()).isEqualTo(expected);
        assertThat(after.path("offsetMillis").asLong()).isBetween(expected - 1_000, expected + 1_000);
        assertThat(sandbox.control().clock().offsetMillis()).isBetween(expected - 1_000, expected + 1_000);
    }

    @Test
    void pendingCapturesCompleteOnAControlCall() throws Exception {
        assertThat(Json.MAPPER.readTree(call("POST", "/captures/complete", null).body()).path("completed").asInt())
                .isZero();
    }

    @Test
    void servingTimesCountEveryAnsweredCallPerApiWithItsDuration() throws Exception {
        JsonNode before = Json.MAPPER.readTree(call("GET", "/timings", null).body());

        merchant.post(Requests.PAY, Requests.manualPay(id("t"), "100"), sandbox);
        merchant.post(Requests.PAY, Requests.manualPay(id("t"), "100"), sandbox);

        // a call is counted once its answer has been sent, which may be just after the client has read it
        long expected = before.path("PAY").path("count").asLong() + 2;
        await().atMost(Duration.ofSeconds(5)).until(() -> timings().path("PAY").path("count").asLong() >= expected);
        JsonNode after = timings();
        assertThat(after.path("PAY").path("count").asLong()).isEqualTo(expected);
        assertThat(after.path("PAY").path("totalMicros").asLong())
                .isGreaterThan(before.path("PAY").path("totalMicros").asLong());
    }

    private JsonNode timings() throws Exception {
        return Json.MAPPER.readTree(call("GET", "/timings", null).body());
    }

    @Test
    void faultsLedgerAndNotificationsOverHttp() throws Exception {
        HttpResponse<String> injected = call("POST", "/faults",
                "{\"api\":\"pay\",\"kind\":\"UNKNOWN_EXCEPTION\",\"count\":1}");
        assertThat(injected.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(call("GET", "/faults", null).body()).get(0).path("spec").path("kind")
                .asString()).isEqualTo("UNKNOWN_EXCEPTION");
        assertThat(merchant.post(Requests.PAY, Requests.manualPay(id("c"), "100"), sandbox).code())
                .isEqualTo("UNKNOWN_EXCEPTION");
        String requestId = id("c");
        merchant.post(Requests.PAY, Requests.pay(requestId, "100", Requests.VISA, "MANUAL", "http://127.0.0.1:9/n"),
                sandbox);

        JsonNode ledger = Json.MAPPER.readTree(call("GET", "/ledger", null).body());
        JsonNode last = ledger.get(ledger.size() - 1);
        assertThat(last.path("operation").asString()).isEqualTo("PAY");
        assertThat(last.path("paymentRequestId").asString()).isEqualTo(requestId);
        assertThat(last.path("amount").path("value").asLong()).isEqualTo(100);
        assertThat(last.path("result").path("resultCode").asString()).isEqualTo("SUCCESS");

        assertThat(call("POST", "/notifications/faults", "{\"kind\":\"DUPLICATE\",\"count\":1}").statusCode())
                .isEqualTo(200);
        assertThat(call("DELETE", "/notifications/faults", null).statusCode()).isEqualTo(200);
        JsonNode deliveries = Json.MAPPER.readTree(call("GET", "/notifications", null).body());
        assertThat(deliveries.get(0).path("type").asString()).isEqualTo("PAYMENT_RESULT");
        assertThat(call("DELETE", "/faults", null).statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(call("GET", "/keys", null).body()).path("certificatePem").asString())
                .startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(call("GET", "/nope", null).statusCode()).isEqualTo(404);
    }
}
