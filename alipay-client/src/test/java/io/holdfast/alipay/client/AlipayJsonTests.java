package io.holdfast.alipay.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.alipay.client.model.InquiryPaymentResponse;
import io.holdfast.alipay.client.model.PaymentResultNotification;
import io.holdfast.alipay.client.model.PaymentStatus;
import io.holdfast.alipay.client.model.PayResponse;
import io.holdfast.alipay.client.model.ResultStatus;
import io.holdfast.alipay.client.model.ThreeDSResult;
import io.holdfast.alipay.client.model.TransactionStatus;
import io.holdfast.alipay.client.model.VaultingResultNotification;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AlipayJsonTests {

    @Test
    void serializesWithAlipaysSpellingAndWithoutNulls() {
        JsonNode json = AlipayJson.mapper().valueToTree(TestRequests.payWithCard());

        assertThat(json.toString()).doesNotContain("null");
        assertThat(json.at("/paymentFactor/isAuthorization").asBoolean()).isTrue();
        assertThat(json.at("/paymentMethod/paymentMethodMetaData/cardNo").asString()).isEqualTo(TestRequests.TEST_PAN);
        assertThat(json.at("/paymentMethod/paymentMethodMetaData/cardholderName/firstName").asString()).isEqualTo("Alan");
        assertThat(json.at("/paymentAmount/value").isString()).isTrue();
        assertThat(json.at("/env/terminalType").asString()).isEqualTo("WEB");
        assertThat(json.at("/paymentNotifyUrl").asString()).isEqualTo("https://merchant.example/antom/notify");
    }

    @Test
    void readsBooleansAsJsonBooleansOrStrings() {
        ThreeDSResult fromStrings = AlipayJson.mapper().readValue(
                "{\"challenged\":\"true\",\"threeDSOffered\":\"false\",\"challengeCancel\":true}", ThreeDSResult.class);

        assertThat(fromStrings.challenged()).isTrue();
        assertThat(fromStrings.threeDSOffered()).isFalse();
        assertThat(fromStrings.challengeCancel()).isTrue();
    }

    @Test
    void readsAmountValuesGivenAsNumbers() {
        PayResponse response = AlipayJson.mapper().readValue(
                "{\"result\":{\"resultStatus\":\"S\"},\"paymentAmount\":{\"currency\":\"JPY\",\"value\":1000}}", PayResponse.class);

        assertThat(response.paymentAmount().value()).isEqualTo("1000");
        assertThat(response.paymentAmount().minorUnits()).isEqualTo(1000);
    }

    @Test
    void unknownEnumValuesAndFieldsAreTolerated() {
        InquiryPaymentResponse response = AlipayJson.mapper().readValue("{\"result\":{\"resultCode\":\"SUCCESS\","
                + "\"resultStatus\":\"X\",\"new\":1},\"paymentStatus\":\"HALF_PAID\",\"transactions\":[{\"transactionStatus\":\"odd\"}],"
                + "\"somethingNew\":[1]}", InquiryPaymentResponse.class);

        assertThat(response.result().resultStatus()).isEqualTo(ResultStatus.UNRECOGNIZED);
        assertThat(response.paymentStatus()).isEqualTo(PaymentStatus.UNRECOGNIZED);
        assertThat(response.transactions().get(0).transactionStatus()).isEqualTo(TransactionStatus.UNRECOGNIZED);
    }

    @Test
    void readsNotificationBodies() {
        PaymentResultNotification payment = AlipayJson.mapper().readValue("{\"notifyType\":\"PAYMENT_RESULT\","
                + "\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"},"
                + "\"paymentRequestId\":\"2020010123456789XXXX\",\"paymentId\":\"2020010123456789XXXX\","
                + "\"paymentAmount\":{\"value\":\"8000\",\"currency\":\"EUR\"},\"paymentCreateTime\":\"2020-01-01T12:01:00+08:30\","
                + "\"paymentTime\":\"2020-01-01T12:01:01+08:30\",\"paymentResultInfo\":{\"cardToken\":\"tok_secret\"}}",
                PaymentResultNotification.class);
        VaultingResultNotification vaulting = AlipayJson.mapper().readValue("{\"result\":{\"resultCode\":\"SUCCESS\","
                + "\"resultStatus\":\"S\"},\"vaultingRequestId\":\"V1\",\"paymentMethodDetail\":{\"paymentMethodType\":\"CARD\","
                + "\"card\":{\"cardToken\":\"tok_secret\",\"maskedCardNo\":\"405469******0768\"}}}", VaultingResultNotification.class);

        assertThat(payment.paymentAmount().minorUnits()).isEqualTo(8000);
        assertThat(payment.paymentResultInfo().cardToken()).isEqualTo("tok_secret");
        assertThat(payment.toString()).doesNotContain("tok_secret");
        assertThat(vaulting.paymentMethodDetail().card().cardToken()).isEqualTo("tok_secret");
        assertThat(vaulting.toString()).doesNotContain("tok_secret");
    }

    @Test
    void requestToStringsNeverPrintCardData() {
        assertThat(TestRequests.payWithCard().toString()).doesNotContain(TestRequests.TEST_PAN, TestRequests.TEST_CVV);
        assertThat(TestRequests.payWithToken().toString()).doesNotContain("ALIPAYtokenABCDEF0123456789");
    }
}
