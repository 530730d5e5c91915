package io.holdfast.ingest.adapter.kafka;

import io.holdfast.ingest.domain.command.CommandPayload;
import io.holdfast.ingest.domain.command.MerchantCommand;
import io.holdfast.schemas.command.AuthorizePayment;
import io.holdfast.schemas.command.Buyer;
import io.holdfast.schemas.command.CancelPayment;
import io.holdfast.schemas.command.CapturePayment;
import io.holdfast.schemas.command.CardReference;
import io.holdfast.schemas.command.Env;
import io.holdfast.schemas.command.Goods;
import io.holdfast.schemas.command.Order;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.command.RefundPayment;
import io.holdfast.schemas.command.TerminalType;
import io.holdfast.schemas.common.CaptureMode;
import io.holdfast.schemas.common.DeadlinePolicy;

/** Maps a merchant command to the Avro {@code PaymentCommand} envelope; it carries a card token only. */
final class AvroCommands {

    private AvroCommands() {
    }

    static PaymentCommand toAvro(MerchantCommand command) {
        return PaymentCommand.newBuilder()
                .setCommandId(command.commandId())
                .setPaymentRequestId(command.paymentRequestId())
                .setMerchantId(command.merchantId())
                .setIssuedAt(command.issuedAt())
                .setPayload(payload(command.payload()))
                .build();
    }

    private static Object payload(CommandPayload payload) {
        if (payload instanceof CommandPayload.Authorize a) {
            return authorize(a);
        }
        if (payload instanceof CommandPayload.Cancel c) {
            return new CancelPayment(c.reason());
        }
        if (payload instanceof CommandPayload.Capture c) {
            return new CapturePayment(AvroNotifications.money(c.amount()), c.captureAt());
        }
        if (payload instanceof CommandPayload.Refund r) {
            return new RefundPayment(r.refundRequestId(), AvroNotifications.money(r.amount()), r.reason(),
                    r.captureId());
        }
        throw new IllegalStateException("unhandled " + payload);
    }

    private static AuthorizePayment authorize(CommandPayload.Authorize a) {
        return AuthorizePayment.newBuilder()
                .setAmount(AvroNotifications.money(a.amount()))
                .setCaptureMode(CaptureMode.valueOf(a.captureMode().name()))
                .setCard(CardReference.newBuilder()
                        .setCardToken(a.card().cardToken())
                        .setCardOnFile(a.card().cardOnFile())
                        .setNetworkTransactionId(a.card().networkTransactionId())
                        .setThreeDSAuthentication(a.card().threeDSAuthentication())
                        .build())
                .setOrder(order(a.order()))
                .setEnv(env(a.env()))
                .setPaymentRedirectUrl(a.paymentRedirectUrl())
                .setSettlementCurrency(a.settlementCurrency())
                .setMerchantRegion(a.merchantRegion())
                .setDeadlinePolicy(a.deadlinePolicy() == null ? null : DeadlinePolicy.valueOf(a.deadlinePolicy().name()))
                .build();
    }

    private static Order order(CommandPayload.OrderInfo order) {
        CommandPayload.Buyer buyer = order.buyer();
        return Order.newBuilder()
                .setReferenceOrderId(order.referenceOrderId())
                .setOrderDescription(order.orderDescription())
                .setOrderAmount(AvroNotifications.money(order.orderAmount()))
                .setBuyer(buyer == null ? null
                        : new Buyer(buyer.referenceBuyerId(), buyer.fullName(), buyer.email(), buyer.phoneNo()))
                .setGoods(order.goods().stream()
                        .map(g -> new Goods(g.referenceGoodsId(), g.goodsName(), g.goodsCategory(),
                                AvroNotifications.money(g.unitAmount()), g.quantity()))
                        .toList())
                .build();
    }

    private static Env env(CommandPayload.BuyerEnv env) {
        return Env.newBuilder()
                .setTerminalType(TerminalType.valueOf(env.terminalType().name()))
                .setOsType(env.osType())
                .setClientIp(env.clientIp())
                .setUserAgent(env.userAgent())
                .setAcceptHeader(env.acceptHeader())
                .setLanguage(env.language())
                .setDeviceTokenId(env.deviceTokenId())
                .build();
    }
}
