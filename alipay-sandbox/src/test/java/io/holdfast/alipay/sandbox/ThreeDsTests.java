package io.holdfast.alipay.sandbox;

import static io.holdfast.alipay.sandbox.Requests.INQUIRY;
import static io.holdfast.alipay.sandbox.Requests.PAY;
import static io.holdfast.alipay.sandbox.Requests.VISA;
import static io.holdfast.alipay.sandbox.Requests.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.holdfast.alipay.sandbox.Merchant.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ThreeDsTests {

    static AlipaySandbox sandbox;
    static NotificationReceiver receiver;
    static Merchant merchant;
    static final HttpClient browser = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        receiver = new NotificationReceiver();
        sandbox = Merchant.sandbox().start();
        merchant = new Merchant(sandbox.baseUrl());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
        receiver.close();
    }

    private Reply payWith3ds(String card) {
        ObjectNode pay = Requests.pay(id("3ds"), "2500", card, "MANUAL", receiver.url());
        ((ObjectNode) pay.get("paymentMethod").get("paymentMethodMetaData")).put("is3DSAuthentication", "true");
        return merchant.post(PAY, pay, sandbox);
    }

    private HttpResponse<String> browse(String method, String url) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        request = "POST".equals(method) ? request.POST(HttpRequest.BodyPublishers.noBody()) : request.GET();
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theChallengePageCompletesTheAuthorizationAndNotifies() throws Exception {
        Reply pay = payWith3ds(VISA);
        assertThat(pay.code()).isEqualTo("PAYMENT_IN_PROCESS");
        assertThat(pay.body().path("result").path("resultStatus").asString()).isEqualTo("U");
        String paymentId = pay.status("paymentId");
        String normalUrl = pay.status("normalUrl");
        assertThat(normalUrl).isEqualTo(sandbox.baseUrl() + "/sandbox/3ds/" + paymentId);
        assertThat(pay.body().path("redirectActionForm").path("redirectUrl").asString()).isEqualTo(normalUrl);
        assertThat(merchant.post(INQUIRY, Requests.byPaymentId(paymentId), sandbox).status("paymentStatus"))
                .isEqualTo("PROCESSING");
        assertThat(receiver.bodiesFor(paymentId)).isEmpty();

        HttpResponse<String> page = browse("GET", normalUrl);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/sandbox/3ds/" + paymentId + "/complete").contains("405469******0768")
                .doesNotContain(VISA);
        HttpResponse<String> done = browse("POST", normalUrl + "/complete");
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location")).contains("https://merchant.example/return");

        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.bodiesFor(paymentId).size() == 1);
        JsonNode notification = receiver.bodiesFor(paymentId).get(0);
        assertThat(notification.path("notifyType").asString()).isEqualTo("PAYMENT_RESULT");
        assertThat(notification.path("result").path("resultCode").asString()).isEqualTo("SUCCESS");
        assertThat(notification.path("paymentResultInfo").path("threeDSResult").path("challenged").asBoolean()).isTrue();
        assertThat(merchant.post(INQUIRY, Requests.byPaymentId(paymentId), sandbox).status("paymentStatus"))
                .isEqualTo("SUCCESS");
        assertThat(browse("GET", normalUrl).body()).contains("SUCCESS");
    }

    @Test
    void aFailedChallengeDeclines() throws Exception {
        Reply pay = payWith3ds(VISA);
        String paymentId = pay.status("paymentId");
        browse("POST", pay.status("normalUrl") + "/fail");
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.bodiesFor(paymentId).size() == 1);
        assertThat(receiver.bodiesFor(paymentId).get(0).path("result").path("resultCode").asString())
                .isEqualTo("USER_PAYMENT_VERIFICATION_FAILED");
        assertThat(merchant.post(INQUIRY, Requests.byPaymentId(paymentId), sandbox).status("paymentStatus"))
                .isEqualTo("FAIL");
    }

    @Test
    void theExemptionCardSkipsTheChallenge() {
        assertThat(payWith3ds("4035501000000008").code()).isEqualTo("SUCCESS");
    }

    @Test
    void theChallengeCardAndTheMarkerTrigger3dsWithoutTheFlag() {
        assertThat(merchant.post(PAY, Requests.pay(id("c"), "100", "4000000000003220", "MANUAL", null), sandbox).code())
                .isEqualTo("PAYMENT_IN_PROCESS");
        ObjectNode marked = Requests.manualPay(id("m"), "100");
        ((ObjectNode) marked.get("order")).put("referenceOrderId", "SANDBOX_3DS_order_1");
        assertThat(merchant.post(PAY, marked, sandbox).code()).isEqualTo("PAYMENT_IN_PROCESS");
    }

    @Test
    void aDeclineCardIsDeclinedAfterTheChallenge() throws Exception {
        Reply pay = payWith3ds("4054692760174822");
        assertThat(pay.code()).isEqualTo("PAYMENT_IN_PROCESS");
        browse("POST", pay.status("normalUrl") + "/complete");
        assertThat(merchant.post(INQUIRY, Requests.byPaymentId(pay.status("paymentId")), sandbox)
                .status("paymentResultCode")).isEqualTo("DO_NOT_HONOR");
    }
}
