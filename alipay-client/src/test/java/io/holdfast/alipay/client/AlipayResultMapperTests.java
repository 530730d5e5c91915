package io.holdfast.alipay.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.alipay.client.AlipayOutcome.Failed;
import io.holdfast.alipay.client.AlipayOutcome.InProcess;
import io.holdfast.alipay.client.AlipayOutcome.NotSent;
import io.holdfast.alipay.client.AlipayOutcome.Succeeded;
import io.holdfast.alipay.client.AlipayOutcome.Unknown;
import io.holdfast.alipay.client.model.InquiryPaymentResponse;
import io.holdfast.alipay.client.model.PayResponse;
import io.holdfast.alipay.client.model.RedirectActionForm;
import io.holdfast.alipay.client.model.Result;
import io.holdfast.alipay.client.model.ResultStatus;
import io.netty.channel.ConnectTimeoutException;
import java.io.IOException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClientRequestException;

class AlipayResultMapperTests {

    private static PayResponse pay(String code, ResultStatus status, String normalUrl, RedirectActionForm form) {
        return new PayResponse(new Result(code, status, "msg"), null, null, null, null, null, null, normalUrl, null, null,
                null, form, null);
    }

    private static AlipayOutcome<PayResponse> map(PayResponse response) {
        return AlipayResultMapper.fromVerifiedResponse(AlipayOperation.PAY, response);
    }

    @Test
    void catalogueHasAStatusAndActionForEveryDocumentedCode() {
        assertThat(ResultCode.values()).allSatisfy(code -> assertThat(code.action()).isNotNull());
        assertThat(Arrays.stream(ResultCode.values()).filter(code -> code.documentedStatus().isEmpty()))
                .containsExactly(ResultCode.UNKNOWN_RESULT_CODE);
        assertThat(ResultCode.of("DO_NOT_HONOR")).isEqualTo(ResultCode.DO_NOT_HONOR);
        assertThat(ResultCode.of("SOMETHING_NEW")).isEqualTo(ResultCode.UNKNOWN_RESULT_CODE);
        assertThat(ResultCode.of(null)).isEqualTo(ResultCode.UNKNOWN_RESULT_CODE);
        assertThat(ResultCode.PROCESS_FAIL.action()).isEqualTo(ResultCode.Action.DO_NOT_RETRY);
        assertThat(ResultCode.UNKNOWN_EXCEPTION.action()).isEqualTo(ResultCode.Action.RETRY_SAME_ID);
        assertThat(ResultCode.ORDER_IS_CLOSED.action()).isEqualTo(ResultCode.Action.NEW_REQUEST_ID);
    }

    @Test
    void theResponsesStatusDecides() {
        assertThat(map(pay("SUCCESS", ResultStatus.S, null, null))).isInstanceOf(Succeeded.class);
        assertThat(map(pay("BRAND_NEW_DECLINE", ResultStatus.F, null, null))).isInstanceOfSatisfying(Failed.class, failed -> {
            assertThat(failed.code()).isEqualTo(ResultCode.UNKNOWN_RESULT_CODE);
            assertThat(failed.rawCode()).isEqualTo("BRAND_NEW_DECLINE");
        });
        assertThat(map(pay("BRAND_NEW_U", ResultStatus.U, null, null)))
                .isEqualTo(new Unknown<>(UnknownReason.ALIPAY_RESULT_UNKNOWN, "U/BRAND_NEW_U: msg"));
        assertThat(map(pay("PROCESS_FAIL", ResultStatus.U, null, null))).isInstanceOf(Unknown.class);
        assertThat(map(pay("SUCCESS", null, null, null)))
                .isEqualTo(new Unknown<>(UnknownReason.UNRECOGNIZED_RESULT, "null/SUCCESS: msg"));
        assertThat(map(pay("SUCCESS", ResultStatus.UNRECOGNIZED, null, null))).isInstanceOf(Unknown.class);
        assertThat(map(new PayResponse(null, null, null, null, null, null, null, null, null, null, null, null, null)))
                .isEqualTo(new Unknown<>(UnknownReason.MALFORMED_RESPONSE, "response has no result"));
        assertThat(map(pay("REQUEST_TRAFFIC_EXCEED_LIMIT", ResultStatus.U, null, null)))
                .isEqualTo(new Unknown<>(UnknownReason.RATE_LIMITED, "U/REQUEST_TRAFFIC_EXCEED_LIMIT: msg"));
    }

    @Test
    void paymentInProcessNeedsARedirectOnPayOnly() {
        assertThat(map(pay("PAYMENT_IN_PROCESS", ResultStatus.U, "https://3ds", null))).isInstanceOf(InProcess.class);
        assertThat(map(pay("PAYMENT_IN_PROCESS", ResultStatus.U, null, new RedirectActionForm("GET", null, "https://form", null))))
                .isInstanceOfSatisfying(InProcess.class,
                        inProcess -> assertThat(inProcess.redirect().actionFormUrl()).isEqualTo("https://form"));
        assertThat(map(pay("PAYMENT_IN_PROCESS", ResultStatus.U, " ", null))).isInstanceOfSatisfying(Failed.class,
                failed -> assertThat(failed.action()).isEqualTo(ResultCode.Action.NEW_REQUEST_ID));

        InquiryPaymentResponse inquiry = new InquiryPaymentResponse(new Result("PAYMENT_IN_PROCESS", ResultStatus.U, "m"),
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        assertThat(AlipayResultMapper.fromVerifiedResponse(AlipayOperation.INQUIRY_PAYMENT, inquiry))
                .isInstanceOf(InProcess.class);
    }

    @Test
    void onlyTheSignatureRejectionIsTrustedUnsigned() {
        assertThat(AlipayResultMapper.fromUnsignedResponse(pay("SIGNATURE_INVALID", ResultStatus.F, null, null)))
                .isInstanceOf(Failed.class);
        assertThat(AlipayResultMapper.fromUnsignedResponse(pay("INVALID_SIGNATURE", ResultStatus.U, null, null)))
                .isInstanceOf(Unknown.class);
        assertThat(AlipayResultMapper.fromUnsignedResponse(pay("DO_NOT_HONOR", ResultStatus.F, null, null)))
                .isInstanceOf(Unknown.class);
        assertThat(AlipayResultMapper.fromUnsignedResponse(pay("SUCCESS", ResultStatus.S, null, null)))
                .isInstanceOf(Unknown.class);
    }

    @Test
    void transportErrorsAreNotSentOnlyBeforeSending() {
        assertThat(AlipayResultMapper.fromTransportError(wrapped(new java.net.ConnectException("refused"))))
                .isInstanceOfSatisfying(NotSent.class, n -> assertThat(n.reason()).isEqualTo(NotSentReason.CONNECTION_REFUSED));
        assertThat(AlipayResultMapper.fromTransportError(wrapped(new ConnectTimeoutException("slow"))))
                .isInstanceOfSatisfying(NotSent.class, n -> assertThat(n.reason()).isEqualTo(NotSentReason.CONNECT_TIMEOUT));
        assertThat(AlipayResultMapper.fromTransportError(wrapped(new UnknownHostException("nope"))))
                .isInstanceOfSatisfying(NotSent.class, n -> assertThat(n.reason()).isEqualTo(NotSentReason.UNKNOWN_HOST));
        assertThat(AlipayResultMapper.fromTransportError(wrapped(new SSLHandshakeException("untrusted"))))
                .isInstanceOfSatisfying(NotSent.class, n -> assertThat(n.reason()).isEqualTo(NotSentReason.TLS_HANDSHAKE_FAILED));
        assertThat(AlipayResultMapper.fromTransportError(new TimeoutException("8s")))
                .isInstanceOfSatisfying(Unknown.class, u -> assertThat(u.reason()).isEqualTo(UnknownReason.TIMEOUT));
        assertThat(AlipayResultMapper.fromTransportError(wrapped(new IOException("Connection reset by peer"))))
                .isInstanceOfSatisfying(Unknown.class, u -> assertThat(u.reason()).isEqualTo(UnknownReason.CONNECTION_LOST));
        assertThat(AlipayResultMapper.fromTransportError(new IllegalStateException("?")))
                .isInstanceOfSatisfying(Unknown.class, u -> assertThat(u.reason()).isEqualTo(UnknownReason.TRANSPORT_ERROR));
    }

    private static Throwable wrapped(Throwable cause) {
        return new WebClientRequestException(cause, org.springframework.http.HttpMethod.POST,
                java.net.URI.create("https://open-sea-global.alipay.com/ams/api/v1/payments/pay"),
                new org.springframework.http.HttpHeaders());
    }
}
