package io.holdfast.authorization.it;

import io.holdfast.schemas.command.AuthorizePayment;
import io.holdfast.schemas.command.Buyer;
import io.holdfast.schemas.command.CancelPayment;
import io.holdfast.schemas.command.CardReference;
import io.holdfast.schemas.command.Env;
import io.holdfast.schemas.command.Order;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.command.TerminalType;
import io.holdfast.schemas.common.CaptureMode;
import io.holdfast.schemas.common.DeadlinePolicy;
import io.holdfast.schemas.common.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Builders of the Avro commands a merchant would publish. */
final class Commands {

    private Commands() {
    }

    static String newPaymentRequestId(String label) {
        return "it-" + label + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An AuthorizePayment; {@code orderMarker} goes into the order description (sandbox triggers). */
    static PaymentCommand authorize(String paymentRequestId, String cardToken, long amountMinor, CaptureMode mode,
            String orderMarker) {
        AuthorizePayment payload = AuthorizePayment.newBuilder()
                .setAmount(new Money(amountMinor, "USD"))
                .setCaptureMode(mode)
                .setCard(CardReference.newBuilder().setCardToken(cardToken).build())
                .setOrder(Order.newBuilder().setReferenceOrderId("order-" + paymentRequestId)
                        .setOrderDescription("Holdfast IT " + orderMarker)
                        .setBuyer(Buyer.newBuilder().setReferenceBuyerId("buyer-1").build())
                        .setGoods(List.of()).build())
                .setEnv(Env.newBuilder().setTerminalType(TerminalType.WEB).setClientIp("203.0.113.7").build())
                .setPaymentRedirectUrl("https://merchant.example/return")
                .setDeadlinePolicy(mode == CaptureMode.MANUAL ? DeadlinePolicy.VOID : null)
                .build();
        return envelope("auth-" + UUID.randomUUID(), paymentRequestId, payload);
    }

    static PaymentCommand cancel(String paymentRequestId, String reason) {
        return envelope("cancel-" + UUID.randomUUID(), paymentRequestId,
                CancelPayment.newBuilder().setReason(reason).build());
    }

    static PaymentCommand withCommandId(PaymentCommand command, String commandId) {
        return PaymentCommand.newBuilder(command).setCommandId(commandId).build();
    }

    private static PaymentCommand envelope(String commandId, String paymentRequestId, Object payload) {
        return PaymentCommand.newBuilder().setCommandId(commandId).setPaymentRequestId(paymentRequestId)
                .setIssuedAt(Instant.parse("2026-03-01T10:00:00Z")).setPayload(payload).build();
    }
}
