package io.holdfast.alipay.client;

import io.holdfast.alipay.client.AlipayOutcome.Failed;
import io.holdfast.alipay.client.AlipayOutcome.InProcess;
import io.holdfast.alipay.client.AlipayOutcome.NotSent;
import io.holdfast.alipay.client.AlipayOutcome.Succeeded;
import io.holdfast.alipay.client.AlipayOutcome.Unknown;
import io.holdfast.alipay.client.model.AlipayResponse;
import io.holdfast.alipay.client.model.RedirectUrls;
import io.holdfast.alipay.client.model.Result;
import io.holdfast.alipay.client.model.ResultStatus;
import io.netty.channel.ConnectTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.springframework.core.io.buffer.DataBufferLimitException;

/**
 * The one place where Antom's answers and transport failures become an {@link AlipayOutcome}.
 *
 * <p>Rules, in order: a response that is not verified is never a success; the response's own {@code resultStatus}
 * decides (S → Succeeded, F → Failed, U → InProcess for the in-process codes, else Unknown; missing or unrecognized →
 * Unknown); a failure is NotSent only when it certainly happened before any request byte was sent.
 */
public final class AlipayResultMapper {

    private AlipayResultMapper() {
    }

    /** A 200 response whose signature verified. */
    public static <R extends AlipayResponse> AlipayOutcome<R> fromVerifiedResponse(AlipayOperation operation,
            R response) {
        Result result = response.result();
        if (result == null) {
            return new Unknown<>(UnknownReason.MALFORMED_RESPONSE, "response has no result");
        }
        ResultCode code = ResultCode.of(result.resultCode());
        ResultStatus status = result.resultStatus() == null ? ResultStatus.UNRECOGNIZED : result.resultStatus();
        return switch (status) {
            case S -> new Succeeded<>(response);
            case F -> new Failed<>(code, result.resultCode(), result.resultMessage(), response);
            case U -> fromStatusU(operation, code, result, response);
            case UNRECOGNIZED -> new Unknown<>(UnknownReason.UNRECOGNIZED_RESULT, describe(result));
        };
    }

    private static <R extends AlipayResponse> AlipayOutcome<R> fromStatusU(AlipayOperation operation, ResultCode code,
            Result result, R response) {
        if (code.action() != ResultCode.Action.AWAIT_RESULT) {
            UnknownReason reason = code == ResultCode.REQUEST_TRAFFIC_EXCEED_LIMIT
                    ? UnknownReason.RATE_LIMITED
                    : UnknownReason.ALIPAY_RESULT_UNKNOWN;
            return new Unknown<>(reason, describe(result));
        }
        RedirectUrls redirect = response.redirectUrls();
        // Reference 3.3: a pay answered PAYMENT_IN_PROCESS with none of normalUrl/schemeUrl/applinkUrl means the
        // payment was not created; Antom says to pay again with a new paymentRequestId. We count a
        // redirectActionForm URL as a URL too (the safe reading: with any URL the payment may exist). Only pay has
        // this rule: inquiryPayment and capture/vault in-process answers are in process with or without a URL.
        if (operation == AlipayOperation.PAY && code == ResultCode.PAYMENT_IN_PROCESS && redirect.isEmpty()) {
            return new Failed<>(code, result.resultCode(), result.resultMessage(), response);
        }
        return new InProcess<>(response, redirect);
    }

    /**
     * A 200 response without any signature header. Antom documents that a request whose signature it rejects gets an
     * unsigned answer, so exactly that answer (F with INVALID_SIGNATURE or SIGNATURE_INVALID) is trusted as failed
     * before processing: nothing was created, so the caller fixes its keys instead of reconciling forever. The SDK
     * skips verification of every unsigned response; we trust no other unsigned answer: they are all Unknown.
     */
    public static <R extends AlipayResponse> AlipayOutcome<R> fromUnsignedResponse(R response) {
        Result result = response.result();
        if (result != null && result.resultStatus() == ResultStatus.F) {
            ResultCode code = ResultCode.of(result.resultCode());
            if (code == ResultCode.INVALID_SIGNATURE || code == ResultCode.SIGNATURE_INVALID) {
                return new Failed<>(code, result.resultCode(), result.resultMessage(), response);
            }
        }
        return unverified("response carries no signature"
                + (result == null ? "" : " (" + describe(result) + ")"));
    }

    /** A response whose signature is missing its response-time, malformed, or does not verify. */
    public static <R> AlipayOutcome<R> unverified(String detail) {
        return new Unknown<>(UnknownReason.UNVERIFIED_RESPONSE, detail);
    }

    /** A signed, verified body that is not the JSON we expect. */
    public static <R> AlipayOutcome<R> malformed(String detail) {
        return new Unknown<>(UnknownReason.MALFORMED_RESPONSE, detail);
    }

    /** Any HTTP status but 200: Antom answers every business outcome, errors included, with 200. */
    public static <R> AlipayOutcome<R> fromHttpStatus(int status) {
        return new Unknown<>(UnknownReason.HTTP_STATUS, "HTTP " + status);
    }

    /** The request could not be prepared (serialized or signed); nothing was sent. */
    public static <R> AlipayOutcome<R> notSent(NotSentReason reason, String detail) {
        return new NotSent<>(reason, detail);
    }

    /**
     * A failure of the HTTP exchange. NotSent only for failures that certainly precede sending the request (connect
     * refused or timed out, DNS, TLS handshake); everything else may have reached Antom and is Unknown.
     */
    public static <R> AlipayOutcome<R> fromTransportError(Throwable error) {
        String detail = error.getClass().getSimpleName() + ": " + error.getMessage();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectTimeoutException) {
                return new NotSent<>(NotSentReason.CONNECT_TIMEOUT, detail);
            }
            if (cause instanceof ConnectException) {
                return new NotSent<>(NotSentReason.CONNECTION_REFUSED, detail);
            }
            if (cause instanceof NoRouteToHostException) {
                return new NotSent<>(NotSentReason.NO_ROUTE_TO_HOST, detail);
            }
            if (cause instanceof UnknownHostException) {
                return new NotSent<>(NotSentReason.UNKNOWN_HOST, detail);
            }
            if (cause instanceof SSLHandshakeException) {
                return new NotSent<>(NotSentReason.TLS_HANDSHAKE_FAILED, detail);
            }
            if (cause instanceof TimeoutException || cause instanceof io.netty.handler.timeout.TimeoutException) {
                return new Unknown<>(UnknownReason.TIMEOUT, detail);
            }
            if (cause instanceof DataBufferLimitException) {
                return new Unknown<>(UnknownReason.MALFORMED_RESPONSE, detail);
            }
            if (cause instanceof IOException) {
                return new Unknown<>(UnknownReason.CONNECTION_LOST, detail);
            }
        }
        return new Unknown<>(UnknownReason.TRANSPORT_ERROR, detail);
    }

    private static String describe(Result result) {
        return result.resultStatus() + "/" + result.resultCode() + ": " + result.resultMessage();
    }
}
