package io.holdfast.localstack.merchant;

import io.holdfast.schemas.command.AuthorizePayment;
import io.holdfast.schemas.command.CancelPayment;
import io.holdfast.schemas.command.CapturePayment;
import io.holdfast.schemas.command.CardReference;
import io.holdfast.schemas.command.Env;
import io.holdfast.schemas.command.Order;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.command.RefundPayment;
import io.holdfast.schemas.command.TerminalType;
import io.holdfast.schemas.common.CaptureMode;
import io.holdfast.schemas.common.DeadlinePolicy;
import io.holdfast.schemas.common.Money;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * Builds the {@link PaymentCommand} records a merchant publishes on {@code payments.commands}. The sandbox picks a
 * scenario from markers in {@code order.referenceOrderId} ({@code SANDBOX_3DS}, {@code SANDBOX_DECLINE_<code>}),
 * so a scenario is just an order reference.
 */
public final class PaymentCommands {

    private final Clock clock;
    private final Supplier<String> ids;

    /**
     * @param clock stamps {@code issuedAt}
     * @param ids new command ids
     */
    public PaymentCommands(Clock clock, Supplier<String> ids) {
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * AuthorizePayment for {@code amount} with a vaulted card.
     *
     * @param referenceOrderId the order reference; may carry a sandbox scenario marker
     * @param policy the deadline guardian's policy for MANUAL capture (null: the service default)
     */
    public PaymentCommand authorize(String paymentRequestId, Money amount, CaptureMode mode, String cardToken,
                                    String referenceOrderId, DeadlinePolicy policy) {
        AuthorizePayment authorize = AuthorizePayment.newBuilder()
                .setAmount(amount)
                .setCaptureMode(mode)
                .setCard(CardReference.newBuilder().setCardToken(cardToken).build())
                .setOrder(Order.newBuilder()
                        .setReferenceOrderId(referenceOrderId)
                        .setOrderDescription("Holdfast local stack order " + referenceOrderId)
                        .setGoods(List.of())
                        .build())
                .setEnv(Env.newBuilder().setTerminalType(TerminalType.WEB).setClientIp("127.0.0.1")
                        .setUserAgent("Mozilla/5.0 (local-stack)").setAcceptHeader("text/html").setLanguage("en-US")
                        .build())
                .setPaymentRedirectUrl("https://merchant.example/return/" + paymentRequestId)
                .setDeadlinePolicy(policy)
                .build();
        return envelope(paymentRequestId, authorize);
    }

    /** CapturePayment for exactly the authorized amount, now. */
    public PaymentCommand capture(String paymentRequestId, Money amount) {
        return envelope(paymentRequestId, CapturePayment.newBuilder().setAmount(amount).setCaptureAt(null).build());
    }

    public PaymentCommand cancel(String paymentRequestId, String reason) {
        return envelope(paymentRequestId, CancelPayment.newBuilder().setReason(reason).build());
    }

    /** RefundPayment of {@code amount}; its refundRequestId is derived from the commandId by capture-service. */
    public PaymentCommand refund(String paymentRequestId, Money amount, String reason) {
        return envelope(paymentRequestId, RefundPayment.newBuilder().setAmount(amount).setReason(reason)
                .setRefundRequestId(null).setCaptureId(null).build());
    }

    private PaymentCommand envelope(String paymentRequestId, Object payload) {
        return PaymentCommand.newBuilder()
                .setCommandId(ids.get())
                .setPaymentRequestId(paymentRequestId)
                .setMerchantId(null)
                .setIssuedAt(clock.instant())
                .setPayload(payload)
                .build();
    }
}
