package io.holdfast.alipay.client;

import io.holdfast.alipay.client.model.CancelRequest;
import io.holdfast.alipay.client.model.CancelResponse;
import io.holdfast.alipay.client.model.CaptureRequest;
import io.holdfast.alipay.client.model.CaptureResponse;
import io.holdfast.alipay.client.model.ConsultRequest;
import io.holdfast.alipay.client.model.ConsultResponse;
import io.holdfast.alipay.client.model.InquiryPaymentRequest;
import io.holdfast.alipay.client.model.InquiryPaymentResponse;
import io.holdfast.alipay.client.model.InquiryRefundRequest;
import io.holdfast.alipay.client.model.InquiryRefundResponse;
import io.holdfast.alipay.client.model.PayRequest;
import io.holdfast.alipay.client.model.PayResponse;
import io.holdfast.alipay.client.model.RefundRequest;
import io.holdfast.alipay.client.model.RefundResponse;
import io.holdfast.alipay.client.model.VaultPaymentMethodRequest;
import io.holdfast.alipay.client.model.VaultPaymentMethodResponse;
import java.time.Clock;
import reactor.core.publisher.Mono;

/**
 * Non-blocking client for the Antom card APIs. Every call signs its exact body bytes, verifies the response
 * signature and returns one {@link AlipayOutcome}; the returned {@link Mono} does not error for transport or
 * protocol failures, which are outcomes too ({@link AlipayOutcome.Unknown}, {@link AlipayOutcome.NotSent}).
 *
 * <p>A plain library: construct with {@link #create(AlipayClientProperties, Clock)} and {@link #close()} it when
 * done (it owns a connection pool).
 */
public final class AlipayClient implements AutoCloseable {

    private final AlipayTransport transport;
    private final AntomConnections connections;

    private AlipayClient(AlipayTransport transport, AntomConnections connections) {
        this.transport = transport;
        this.connections = connections;
    }

    /** @param clock supplies {@code Request-Time} (epoch millis) */
    public static AlipayClient create(AlipayClientProperties properties, Clock clock) {
        AntomConnections connections = new AntomConnections(properties);
        return new AlipayClient(new AlipayTransport(properties, clock, connections), connections);
    }

    /** Payment options for an amount and environment. */
    public Mono<AlipayOutcome<ConsultResponse>> consult(ConsultRequest request) {
        return transport.call(AlipayOperation.CONSULT, request, ConsultResponse.class);
    }

    /** A card payment (authorization); resend the same {@code paymentRequestId} after an unknown outcome. */
    public Mono<AlipayOutcome<PayResponse>> pay(PayRequest request) {
        return transport.call(AlipayOperation.PAY, request, PayResponse.class);
    }

    /** Cancels (voids) a payment that is not captured; retrying never cancels twice. */
    public Mono<AlipayOutcome<CancelResponse>> cancel(CancelRequest request) {
        return transport.call(AlipayOperation.CANCEL, request, CancelResponse.class);
    }

    /** Captures an authorization; reuse the {@code captureRequestId} on every retry. */
    public Mono<AlipayOutcome<CaptureResponse>> capture(CaptureRequest request) {
        return transport.call(AlipayOperation.CAPTURE, request, CaptureResponse.class);
    }

    /** The payment's status, its result code and its captures. */
    public Mono<AlipayOutcome<InquiryPaymentResponse>> inquiryPayment(InquiryPaymentRequest request) {
        return transport.call(AlipayOperation.INQUIRY_PAYMENT, request, InquiryPaymentResponse.class);
    }

    /**
     * Refunds (part of) a captured payment. Card refunds are asynchronous: Antom answers U/REFUND_IN_PROCESS
     * ({@link AlipayOutcome.InProcess}) and the result comes by notifyRefund or {@link #inquiryRefund}. Reuse the
     * {@code refundRequestId} on every retry of the same refund; each new (partial) refund needs a new one.
     */
    public Mono<AlipayOutcome<RefundResponse>> refund(RefundRequest request) {
        return transport.call(AlipayOperation.REFUND, request, RefundResponse.class);
    }

    /** One refund's status ({@code refundStatus}); the outcome's S describes the query call only. */
    public Mono<AlipayOutcome<InquiryRefundResponse>> inquiryRefund(InquiryRefundRequest request) {
        return transport.call(AlipayOperation.INQUIRY_REFUND, request, InquiryRefundResponse.class);
    }

    /** Stores a card outside a payment; the card token arrives by notifyVaulting. */
    public Mono<AlipayOutcome<VaultPaymentMethodResponse>> vaultPaymentMethod(VaultPaymentMethodRequest request) {
        return transport.call(AlipayOperation.VAULT_PAYMENT_METHOD, request, VaultPaymentMethodResponse.class);
    }

    @Override
    public void close() {
        connections.close();
    }
}
