package io.holdfast.alipay.sandbox;

import static io.holdfast.alipay.sandbox.Requests.INQUIRY;
import static io.holdfast.alipay.sandbox.Requests.PAY;
import static io.holdfast.alipay.sandbox.Requests.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.alipay.sandbox.Merchant.Reply;
import io.holdfast.alipay.sandbox.core.Api;
import io.holdfast.alipay.sandbox.core.Json;
import io.holdfast.alipay.sandbox.fault.FaultKind;
import io.holdfast.alipay.sandbox.fault.FaultSpec;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FaultTests {

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

    @AfterEach
    void clear() {
        sandbox.control().clearFaults();
    }

    private Reply pay(String requestId) {
        return merchant.post(PAY, Requests.manualPay(requestId, "100"), sandbox);
    }

    private String inquiry(String requestId) {
        Reply reply = merchant.post(INQUIRY, Requests.byRequestId(requestId), sandbox);
        return reply.code().equals("SUCCESS") ? reply.status("paymentStatus") : reply.code();
    }

    @Test
    void unknownExceptionIsNotAppliedByDefaultAndOnlyForTheNextCalls() {
        sandbox.control().injectFault(FaultSpec.next(Api.PAY, FaultKind.UNKNOWN_EXCEPTION, 1));
        String requestId = id("u");
        Reply reply = pay(requestId);
        assertThat(reply.code()).isEqualTo("UNKNOWN_EXCEPTION");
        assertThat(reply.body().path("result").path("resultStatus").asString()).isEqualTo("U");
        assertThat(reply.signatureValid()).isTrue();
        assertThat(inquiry(requestId)).isEqualTo("ORDER_NOT_EXIST");
        assertThat(pay(requestId).code()).isEqualTo("SUCCESS");
    }

    @Test
    void unknownExceptionCanBeApplied() {
        sandbox.control().injectFault(FaultSpec.next(Api.PAY, FaultKind.UNKNOWN_EXCEPTION, 1).applied(true));
        String requestId = id("u");
        assertThat(pay(requestId).code()).isEqualTo("UNKNOWN_EXCEPTION");
        assertThat(inquiry(requestId)).isEqualTo("SUCCESS");
    }

    @Test
    void applyThenTimeoutAppliesButTheClientTimesOut() {
        sandbox.control().injectFault(FaultSpec.next(Api.PAY, FaultKind.APPLY_THEN_TIMEOUT, 1)
                .withLatency(Duration.ofSeconds(2)));
        String requestId = id("t");
        assertThatThrownBy(() -> merchant.post(PAY, Json.bytes(Requests.manualPay(requestId, "100")), sandbox,
                Duration.ofMillis(300))).hasRootCauseInstanceOf(HttpTimeoutException.class);
        assertThat(inquiry(requestId)).isEqualTo("SUCCESS");
    }

    @Test
    void latencyDelaysASignedAnswer() {
        sandbox.control().injectFault(FaultSpec.next(null, FaultKind.LATENCY, 1).withLatency(Duration.ofMillis(400)));
        long start = System.nanoTime();
        Reply reply = pay(id("l"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(reply.code()).isEqualTo("SUCCESS");
        assertThat(reply.signatureValid()).isTrue();
    }

    @Test
    void http5xxAnswersWithoutJson() {
        sandbox.control().injectFault(FaultSpec.next(Api.PAY, FaultKind.HTTP_5XX, 1).withHttpStatus(502));
        String requestId = id("5");
        Reply reply = pay(requestId);
        assertThat(reply.status()).isEqualTo(502);
        assertThat(reply.signed()).isFalse();
        assertThat(inquiry(requestId)).isEqualTo("ORDER_NOT_EXIST");
    }

    @Test
    void connectionResetClosesWithoutAnswer() {
        sandbox.control().injectFault(FaultSpec.next(Api.PAY, FaultKind.CONNECTION_RESET, 1).applied(true));
        String requestId = id("r");
        assertThatThrownBy(() -> pay(requestId)).isInstanceOf(UncheckedIOException.class);
        assertThat(inquiry(requestId)).isEqualTo("SUCCESS");
    }

    @Test
    void unsignedAndWronglySignedAnswers() {
        sandbox.control().injectFault(FaultSpec.next(Api.PAY, FaultKind.UNSIGNED_RESPONSE, 1));
        sandbox.control().injectFault(FaultSpec.next(Api.PAY, FaultKind.WRONG_SIGNATURE, 1));
        Reply unsigned = pay(id("s"));
        assertThat(unsigned.code()).isEqualTo("SUCCESS");
        assertThat(unsigned.signed()).isFalse();
        assertThat(unsigned.response().headers().firstValue("response-time")).isPresent();
        Reply wrong = pay(id("s"));
        assertThat(wrong.signed()).isTrue();
        assertThat(wrong.signatureValid()).isFalse();
        assertThat(pay(id("s")).signatureValid()).isTrue();
    }

    @Test
    void aFaultForOneApiLeavesTheOthersAlone() {
        sandbox.control().injectFault(FaultSpec.next(Api.CAPTURE, FaultKind.UNKNOWN_EXCEPTION, 2));
        assertThat(pay(id("o")).code()).isEqualTo("SUCCESS");
        assertThat(sandbox.control().faults()).singleElement().satisfies(f -> assertThat(f.remaining()).isEqualTo(2));
    }

    @Test
    void aRateOfOneHitsEveryCall() {
        sandbox.control().injectFault(FaultSpec.atRate(Api.INQUIRY_PAYMENT, FaultKind.UNKNOWN_EXCEPTION, 1.0));
        String requestId = id("rate");
        pay(requestId);
        assertThat(inquiry(requestId)).isEqualTo("UNKNOWN_EXCEPTION");
        assertThat(inquiry(requestId)).isEqualTo("UNKNOWN_EXCEPTION");
    }
}
