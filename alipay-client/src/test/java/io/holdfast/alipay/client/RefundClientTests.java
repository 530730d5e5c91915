package io.holdfast.alipay.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.alipay.client.AlipayClientProperties.Timeouts;
import io.holdfast.alipay.client.AlipayClientProperties.Tls;
import io.holdfast.alipay.client.AlipayOutcome.Failed;
import io.holdfast.alipay.client.AlipayOutcome.InProcess;
import io.holdfast.alipay.client.AlipayOutcome.Succeeded;
import io.holdfast.alipay.client.AlipayOutcome.Unknown;
import io.holdfast.alipay.client.model.Amount;
import io.holdfast.alipay.client.model.InquiryRefundRequest;
import io.holdfast.alipay.client.model.InquiryRefundResponse;
import io.holdfast.alipay.client.model.RefundRequest;
import io.holdfast.alipay.client.model.RefundResponse;
import io.holdfast.alipay.client.model.RefundResultNotification;
import io.holdfast.alipay.client.model.RefundStatus;
import io.holdfast.alipay.client.model.Result;
import io.holdfast.alipay.client.model.ResultStatus;
import io.holdfast.alipay.client.signing.SignatureCheck;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** refund, inquiryRefund and notifyRefund (antom-refunds.md): paths, bodies, the refund codes and their outcomes. */
class RefundClientTests {

    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1685599933871L), ZoneOffset.UTC);
    private static final RefundRequest REFUND = RefundRequest.of("REF_1", "2022", Amount.ofMinor("USD", 500),
            "missing part", null);

    private FakeAntom antom;
    private AlipayClient client;

    @BeforeEach
    void start() throws IOException {
        antom = new FakeAntom(TestKeys.merchantKeys(), TestKeys.antomSigner(),
                new io.holdfast.alipay.client.signing.Signer(TestKeys.STRANGER.getPrivate(), 1));
        client = client(Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        client.close();
        antom.close();
    }

    private AlipayClient client(Duration timeout) {
        return AlipayClient.create(new AlipayClientProperties(antom.baseUrl(), "SANDBOX_5X00000000000000",
                TestKeys.merchantSigner(), TestKeys.antomKeys(), Timeouts.all(timeout), Duration.ofSeconds(2),
                Tls.plainHttpForLocalEmulator()), CLOCK);
    }

    private AlipayOutcome<RefundResponse> refund() {
        return client.refund(REFUND).block(Duration.ofSeconds(20));
    }

    @Test
    void refundInProcessIsInProcessAndTheBodyIsExactlyTheRequest() {
        antom.replySigned("{\"result\":{\"resultCode\":\"REFUND_IN_PROCESS\",\"resultStatus\":\"U\","
                + "\"resultMessage\":\"in process\"},\"refundTime\":\"2024-01-01T00:00:00+08:00\"}");

        assertThat(refund()).isInstanceOfSatisfying(InProcess.class,
                inProcess -> assertThat(inProcess.redirect().isEmpty()).isTrue());
        assertThat(antom.requests().get(0).path()).isEqualTo("/ams/sandbox/api/v1/payments/refund");
        assertThat(antom.requests().get(0).signatureCheck()).isEqualTo(SignatureCheck.VALID);
        assertThat(antom.requests().get(0).bodyText()).isEqualTo("{\"refundRequestId\":\"REF_1\",\"paymentId\":\"2022\","
                + "\"refundAmount\":{\"currency\":\"USD\",\"value\":\"500\"},\"refundReason\":\"missing part\"}");
    }

    @Test
    void refundSuccessCarriesTheRefundId() {
        antom.replySigned("{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"ok\"},"
                + "\"refundRequestId\":\"REF_1\",\"refundId\":\"R9\",\"paymentId\":\"2022\","
                + "\"refundAmount\":{\"currency\":\"USD\",\"value\":\"500\"},\"refundTime\":\"2024-01-01T00:00:00+08:00\"}");

        assertThat(refund()).isInstanceOfSatisfying(Succeeded.class,
                succeeded -> assertThat(((RefundResponse) succeeded.response()).refundId()).isEqualTo("R9"));
    }

    @Test
    void refundFailuresCarryTheirCatalogueEntryAndAction() {
        antom.replySigned("{\"result\":{\"resultCode\":\"REFUND_AMOUNT_EXCEED\",\"resultStatus\":\"F\",\"resultMessage\":\"x\"}}")
                .replySigned("{\"result\":{\"resultCode\":\"REFUND_WINDOW_EXCEED\",\"resultStatus\":\"F\",\"resultMessage\":\"x\"}}")
                .replySigned("{\"result\":{\"resultCode\":\"ORDER_STATUS_INVALID\",\"resultStatus\":\"F\",\"resultMessage\":\"x\"}}");

        assertThat(refund()).isInstanceOfSatisfying(Failed.class, failed -> {
            assertThat(failed.code()).isEqualTo(ResultCode.REFUND_AMOUNT_EXCEED);
            assertThat(failed.action()).isEqualTo(ResultCode.Action.FIX_REQUEST);
        });
        assertThat(refund()).isInstanceOfSatisfying(Failed.class,
                failed -> assertThat(failed.action()).isEqualTo(ResultCode.Action.CONTACT_SUPPORT));
        assertThat(refund()).isInstanceOfSatisfying(Failed.class,
                failed -> assertThat(failed.action()).isEqualTo(ResultCode.Action.DO_NOT_RETRY));
    }

    @Test
    void unknownExceptionTimeoutAndUnverifiableAnswersAreUnknown() {
        antom.replySigned("{\"result\":{\"resultCode\":\"UNKNOWN_EXCEPTION\",\"resultStatus\":\"U\",\"resultMessage\":\"?\"}}")
                .reply(new FakeAntom.Reply(200,
                        "{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"ok\"}}",
                        FakeAntom.Mode.WRONG_KEY))
                .reply(new FakeAntom.Reply(200, "", FakeAntom.Mode.HANG));

        assertThat(refund()).isInstanceOfSatisfying(Unknown.class,
                unknown -> assertThat(unknown.reason()).isEqualTo(UnknownReason.ALIPAY_RESULT_UNKNOWN));
        assertThat(refund()).isInstanceOfSatisfying(Unknown.class,
                unknown -> assertThat(unknown.reason()).isEqualTo(UnknownReason.UNVERIFIED_RESPONSE));
        try (AlipayClient impatient = client(Duration.ofMillis(500))) {
            assertThat(impatient.refund(REFUND).block(Duration.ofSeconds(20))).isInstanceOfSatisfying(Unknown.class,
                    unknown -> assertThat(unknown.reason()).isEqualTo(UnknownReason.TIMEOUT));
        }
    }

    @Test
    void inquiryRefundReadsTheRefundStatus() {
        antom.replySigned("{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"ok\"},"
                + "\"refundStatus\":\"PROCESSING\"}")
                .replySigned("{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"ok\"},"
                        + "\"refundStatus\":\"SUCCESS\",\"refundRequestId\":\"REF_1\",\"refundId\":\"R9\","
                        + "\"refundAmount\":{\"currency\":\"USD\",\"value\":\"500\"},\"refundTime\":\"2024-01-01T00:00:00Z\"}")
                .replySigned("{\"result\":{\"resultCode\":\"ORDER_NOT_EXIST\",\"resultStatus\":\"F\",\"resultMessage\":\"no\"}}")
                .replySigned("{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"ok\"},"
                        + "\"refundStatus\":\"SOMETHING_NEW\"}");

        assertThat(inquire()).isInstanceOfSatisfying(Succeeded.class, succeeded -> assertThat(
                ((InquiryRefundResponse) succeeded.response()).refundStatus()).isEqualTo(RefundStatus.PROCESSING));
        assertThat(inquire()).isInstanceOfSatisfying(Succeeded.class, succeeded -> {
            InquiryRefundResponse response = (InquiryRefundResponse) succeeded.response();
            assertThat(response.refundStatus()).isEqualTo(RefundStatus.SUCCESS);
            assertThat(response.refundId()).isEqualTo("R9");
            assertThat(response.refundAmount().minorUnits()).isEqualTo(500);
        });
        assertThat(inquire()).isInstanceOfSatisfying(Failed.class,
                failed -> assertThat(failed.code()).isEqualTo(ResultCode.ORDER_NOT_EXIST));
        assertThat(inquire()).isInstanceOfSatisfying(Succeeded.class, succeeded -> assertThat(
                ((InquiryRefundResponse) succeeded.response()).refundStatus()).isEqualTo(RefundStatus.UNRECOGNIZED));
        assertThat(antom.requests().get(0).path()).isEqualTo("/ams/sandbox/api/v1/payments/inquiryRefund");
        assertThat(antom.requests().get(0).bodyText()).isEqualTo("{\"refundRequestId\":\"REF_1\"}");
    }

    private AlipayOutcome<InquiryRefundResponse> inquire() {
        return client.inquiryRefund(InquiryRefundRequest.byRefundRequestId("REF_1")).block(Duration.ofSeconds(20));
    }

    @Test
    void readsTheDocumentedNotifyRefundExample() {
        RefundResultNotification notification = AlipayJson.mapper().readValue("{\"notifyType\":\"REFUND_RESULT\","
                + "\"refundAmount\":{\"currency\":\"HKD\",\"value\":\"10000\"},\"refundId\":\"2021\",\"refundRequestId\":\"R1\","
                + "\"refundStatus\":\"SUCCESS\",\"refundTime\":\"2021-08-04T01:52:37-07:00\","
                + "\"result\":{\"resultCode\":\"SUCCESS\",\"resultMessage\":\"Success\",\"resultStatus\":\"S\"}}",
                RefundResultNotification.class);

        assertThat(notification.notifyType()).isEqualTo(RefundResultNotification.REFUND_RESULT);
        assertThat(notification.refundStatus()).isEqualTo(RefundStatus.SUCCESS);
        assertThat(notification.refundAmount().minorUnits()).isEqualTo(10000);
        assertThat(notification.result()).isEqualTo(new Result("SUCCESS", ResultStatus.S, "Success"));
    }

    @Test
    void theRefundCodesAreCatalogued() {
        assertThat(ResultCode.of("REFUND_IN_PROCESS").action()).isEqualTo(ResultCode.Action.AWAIT_RESULT);
        assertThat(ResultCode.of("MULTIPLE_REFUNDS_NOT_SUPPORTED").action()).isEqualTo(ResultCode.Action.DO_NOT_RETRY);
        assertThat(ResultCode.of("PARTIAL_REFUND_NOT_SUPPORTED").action()).isEqualTo(ResultCode.Action.DO_NOT_RETRY);
        assertThat(ResultCode.of("REFUND_NOT_SUPPORTED").action()).isEqualTo(ResultCode.Action.DO_NOT_RETRY);
        assertThat(RefundRequest.of(null, "", null, null, null).missingRequiredFields())
                .containsExactly("refundRequestId", "paymentId", "refundAmount");
    }
}
