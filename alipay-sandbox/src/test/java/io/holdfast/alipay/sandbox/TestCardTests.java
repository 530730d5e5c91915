package io.holdfast.alipay.sandbox;

import static io.holdfast.alipay.sandbox.Requests.INQUIRY;
import static io.holdfast.alipay.sandbox.Requests.PAY;
import static io.holdfast.alipay.sandbox.Requests.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.alipay.sandbox.Merchant.Reply;
import io.holdfast.alipay.sandbox.core.DeclineCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

/** Antom's test cards (reference section 11), the sandbox triggers and strict request validation. */
class TestCardTests {

    static AlipaySandbox sandbox;
    static Merchant merchant;

    @BeforeAll
    static void start() {
        sandbox = Merchant.sandbox().httpsPort(null).start();
        merchant = new Merchant(sandbox.baseUrl());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private Reply pay(ObjectNode body) {
        return merchant.post(PAY, body, sandbox);
    }

    private static ObjectNode meta(ObjectNode pay) {
        return (ObjectNode) pay.get("paymentMethod").get("paymentMethodMetaData");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9490220011669217", "4294097400915107", "4006055482525268", "4600729331819383",
        "4310377720003234", "4054695723100768", "5162774114974622"})
    void successCardsAuthorize(String card) {
        assertThat(pay(Requests.pay(id("ok"), "100", card, "MANUAL", null)).code()).isEqualTo("SUCCESS");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4054692760174822", "5162770472561357"})
    void failingCardsAreDoNotHonor(String card) {
        Reply reply = pay(Requests.pay(id("ko"), "100", card, "MANUAL", null));
        assertThat(reply.code()).isEqualTo("DO_NOT_HONOR");
        assertThat(reply.body().path("result").path("resultStatus").asString()).isEqualTo("F");
        assertThat(merchant.post(INQUIRY, Requests.byPaymentId(reply.status("paymentId")), sandbox)
                .status("paymentStatus")).isEqualTo("FAIL");
    }

    @Test
    void amountElevenIsRiskReject() {
        assertThat(pay(Requests.manualPay(id("risk"), "11")).code()).isEqualTo("RISK_REJECT");
    }

    @Test
    void invalidCardDataIsDeclinedOrIllegal() {
        ObjectNode month = Requests.manualPay(id("m"), "100");
        meta(month).put("expiryMonth", "13");
        assertThat(pay(month).code()).isEqualTo("INVALID_EXPIRATION_DATE");
        ObjectNode cvv = Requests.manualPay(id("c"), "100");
        meta(cvv).put("cvv", "99");
        Reply shortCvv = pay(cvv);
        assertThat(shortCvv.code()).isEqualTo("PARAM_ILLEGAL");
        assertThat(shortCvv.body().path("result").path("resultMessage").asString())
                .contains("paymentMethod.paymentMethodMetaData.cvv").doesNotContain("99");
        ObjectNode luhn = Requests.pay(id("l"), "100", "4054695723100769", "MANUAL", null);
        assertThat(pay(luhn).code()).isEqualTo("INVALID_CARD_NUMBER");
    }

    @Test
    void amountsMustBeDigitStringsAndRequiredFieldsAreNamed() {
        ObjectNode numeric = Requests.manualPay(id("n"), "100");
        ((ObjectNode) numeric.get("paymentAmount")).put("value", 100);
        Reply reply = pay(numeric);
        assertThat(reply.code()).isEqualTo("PARAM_ILLEGAL");
        assertThat(reply.body().path("result").path("resultMessage").asString()).contains("paymentAmount.value");
        ObjectNode decimal = Requests.manualPay(id("d"), "10.5");
        assertThat(pay(decimal).body().path("result").path("resultMessage").asString())
                .contains("paymentAmount.value must be a string of digits");
        ObjectNode missing = Requests.manualPay(id("x"), "100");
        missing.remove("paymentRedirectUrl");
        assertThat(pay(missing).body().path("result").path("resultMessage").asString())
                .isEqualTo("paymentRedirectUrl is required");
        ObjectNode badBoolean = Requests.manualPay(id("b"), "100");
        meta(badBoolean).put("is3DSAuthentication", "yes");
        assertThat(pay(badBoolean).code()).isEqualTo("PARAM_ILLEGAL");
    }

    @ParameterizedTest
    @EnumSource(DeclineCode.class)
    void everyDeclineCodeHasAMarkerAndAnAmountTrigger(DeclineCode code) {
        ObjectNode marked = Requests.manualPay(id("dec"), "100");
        ((ObjectNode) marked.get("order")).put("referenceOrderId", "SANDBOX_DECLINE_" + code.name() + "_1");
        assertThat(pay(marked).code()).isEqualTo(code.name());
        assertThat(pay(Requests.manualPay(id("amt"), Long.toString(code.triggerAmount()))).code())
                .isEqualTo(code.name());
    }

    @Test
    void markersWorkWithCardTokens() {
        String token = merchant.post(Requests.VAULT, Requests.vault(id("v"), Requests.VISA, "http://127.0.0.1:9/n"),
                sandbox).body().path("paymentMethodDetail").path("card").path("cardToken").asString();
        ObjectNode pay = Requests.pay(id("tok"), "100", null, "MANUAL", null);
        ((ObjectNode) pay.get("paymentMethod")).put("paymentMethodId", token);
        ((ObjectNode) pay.get("order")).put("orderDescription", "SANDBOX_DECLINE_STOLEN_CARD");
        assertThat(pay(pay).code()).isEqualTo("STOLEN_CARD");
    }

    @Test
    void theUnknownTriggerAppliesButAnswersUnknownOnce() {
        String requestId = id("unk");
        ObjectNode marked = Requests.manualPay(requestId, "100");
        ((ObjectNode) marked.get("order")).put("referenceOrderId", "SANDBOX_UNKNOWN");
        assertThat(pay(marked).code()).isEqualTo("UNKNOWN_EXCEPTION");
        assertThat(merchant.post(INQUIRY, Requests.byRequestId(requestId), sandbox).status("paymentStatus"))
                .isEqualTo("SUCCESS");
        assertThat(pay(marked).code()).isEqualTo("SUCCESS");
        assertThat(pay(Requests.manualPay(id("unk"), "900091")).code()).isEqualTo("UNKNOWN_EXCEPTION");
        assertThat(pay(Requests.manualPay(id("3ds"), "900090")).code()).isEqualTo("PAYMENT_IN_PROCESS");
    }

    @Test
    void theReadmeDocumentsEveryDeclineCode() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        for (DeclineCode code : DeclineCode.values()) {
            assertThat(readme).contains("| `" + code.name() + "` | `" + code.triggerAmount() + "` |");
        }
    }
}
