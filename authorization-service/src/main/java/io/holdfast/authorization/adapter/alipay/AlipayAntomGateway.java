package io.holdfast.authorization.adapter.alipay;

import io.holdfast.alipay.client.AlipayClient;
import io.holdfast.alipay.client.AlipayOutcome;
import io.holdfast.alipay.client.model.AlipayTimes;
import io.holdfast.alipay.client.model.CancelRequest;
import io.holdfast.alipay.client.model.CancelResponse;
import io.holdfast.alipay.client.model.InquiryPaymentRequest;
import io.holdfast.alipay.client.model.InquiryPaymentResponse;
import io.holdfast.alipay.client.model.PayResponse;
import io.holdfast.alipay.client.model.RedirectUrls;
import io.holdfast.authorization.application.AntomGateway;
import io.holdfast.authorization.application.InquiryResult;
import io.holdfast.authorization.application.PayOrder;
import io.holdfast.authorization.domain.AuthorizationResult;
import io.holdfast.authorization.domain.CancelResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import reactor.core.publisher.Mono;

/**
 * {@link AntomGateway} on {@link AlipayClient}: the one place where Antom's outcomes become ours. Every call is
 * timed as {@code holdfast.alipay.calls{operation, outcome}}.
 */
public final class AlipayAntomGateway implements AntomGateway {

    private final AlipayClient client;
    private final MeterRegistry meters;
    private final Clock clock;
    private final String notifyUrl;

    /** @param notifyUrl paymentNotifyUrl sent with pay; null to use the one configured in Antom's dashboard */
    public AlipayAntomGateway(AlipayClient client, MeterRegistry meters, Clock clock, String notifyUrl) {
        this.client = client;
        this.meters = meters;
        this.clock = clock;
        this.notifyUrl = notifyUrl;
    }

    @Override
    public Mono<AuthorizationResult> pay(PayOrder order) {
        return timed("pay", Mono.defer(() -> client.pay(PayRequests.of(order, notifyUrl))))
                .map(this::authorization);
    }

    @Override
    public Mono<InquiryResult> inquire(String paymentRequestId) {
        return timed("inquiryPayment", Mono.defer(() ->
                        client.inquiryPayment(InquiryPaymentRequest.byPaymentRequestId(paymentRequestId))))
                .map(this::inquiry);
    }

    @Override
    public Mono<CancelResult> cancel(String paymentRequestId) {
        return timed("cancel", Mono.defer(() -> client.cancel(CancelRequest.byPaymentRequestId(paymentRequestId))))
                .map(this::cancellation);
    }

    private AuthorizationResult authorization(AlipayOutcome<PayResponse> outcome) {
        if (outcome instanceof AlipayOutcome.Succeeded<PayResponse> succeeded) {
            PayResponse response = succeeded.response();
            return new AuthorizationResult.Approved(response.paymentId(), timeOrNow(response.paymentTime()),
                    time(response.authExpiryTime()), CardSummaries.of(response.paymentResultInfo(), null));
        }
        if (outcome instanceof AlipayOutcome.Failed<PayResponse> failed) {
            return new AuthorizationResult.Declined(failed.response() == null ? null : failed.response().paymentId(),
                    failed.rawCode(), failed.message(), DeclineAdvice.of(failed.action()));
        }
        if (outcome instanceof AlipayOutcome.InProcess<PayResponse> inProcess) {
            return inProcess(inProcess.response().paymentId(), inProcess.redirect());
        }
        return new AuthorizationResult.Unknown(unknownReason(outcome));
    }

    private InquiryResult inquiry(AlipayOutcome<InquiryPaymentResponse> outcome) {
        if (outcome instanceof AlipayOutcome.Succeeded<InquiryPaymentResponse> succeeded) {
            return InquiryPayments.interpret(succeeded.response(), clock);
        }
        if (outcome instanceof AlipayOutcome.Failed<InquiryPaymentResponse> failed) {
            return "ORDER_NOT_EXIST".equals(failed.rawCode()) ? new InquiryResult.NotFound()
                    : new InquiryResult.Unresolved("inquiry refused: " + failed.rawCode() + " " + failed.message());
        }
        if (outcome instanceof AlipayOutcome.InProcess<InquiryPaymentResponse> inProcess) {
            return new InquiryResult.Answered(inProcess(inProcess.response().paymentId(), inProcess.redirect()));
        }
        return new InquiryResult.Unresolved(unknownReason(outcome));
    }

    private CancelResult cancellation(AlipayOutcome<CancelResponse> outcome) {
        if (outcome instanceof AlipayOutcome.Succeeded<CancelResponse> succeeded) {
            return new CancelResult.Cancelled(timeOrNow(succeeded.response().cancelTime()));
        }
        if (outcome instanceof AlipayOutcome.Failed<CancelResponse> failed) {
            return new CancelResult.Refused(failed.rawCode(), failed.message());
        }
        return new CancelResult.Unknown(unknownReason(outcome));
    }

    private static AuthorizationResult.InProcess inProcess(String paymentId, RedirectUrls redirect) {
        String url = redirect.normalUrl() != null ? redirect.normalUrl() : redirect.actionFormUrl();
        return new AuthorizationResult.InProcess(paymentId, url, redirect.schemeUrl(), redirect.applinkUrl());
    }

    /** Why there is no verdict; also for an in-process answer where none is expected (cancel). */
    private static String unknownReason(AlipayOutcome<?> outcome) {
        if (outcome instanceof AlipayOutcome.Unknown<?> unknown) {
            return unknown.reason() + ": " + unknown.detail();
        }
        if (outcome instanceof AlipayOutcome.NotSent<?> notSent) {
            return "NOT_SENT " + notSent.reason() + ": " + notSent.detail();
        }
        if (outcome instanceof AlipayOutcome.InProcess<?>) {
            return "in process";
        }
        throw new IllegalStateException("unhandled " + outcome);
    }

    private <R> Mono<AlipayOutcome<R>> timed(String operation, Mono<AlipayOutcome<R>> call) {
        return Mono.defer(() -> {
            Timer.Sample sample = Timer.start(meters);
            return call.doOnNext(outcome -> sample.stop(Timer.builder("holdfast.alipay.calls")
                    .description("Antom API calls by operation and outcome")
                    .tag("operation", operation).tag("outcome", outcomeTag(outcome)).register(meters)));
        });
    }

    private static String outcomeTag(AlipayOutcome<?> outcome) {
        if (outcome instanceof AlipayOutcome.Succeeded<?>) {
            return "succeeded";
        }
        if (outcome instanceof AlipayOutcome.Failed<?>) {
            return "failed";
        }
        if (outcome instanceof AlipayOutcome.InProcess<?>) {
            return "in_process";
        }
        if (outcome instanceof AlipayOutcome.Unknown<?>) {
            return "unknown";
        }
        if (outcome instanceof AlipayOutcome.NotSent<?>) {
            return "not_sent";
        }
        throw new IllegalStateException("unhandled " + outcome);
    }

    static Instant time(String iso) {
        return AlipayTimes.parse(iso).map(OffsetDateTime::toInstant).orElse(null);
    }

    /** Antom's time, or ours when it sent none (a success must carry a time). */
    private Instant timeOrNow(String iso) {
        Instant time = time(iso);
        return time == null ? clock.instant() : time;
    }
}
