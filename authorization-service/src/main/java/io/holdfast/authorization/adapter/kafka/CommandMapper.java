package io.holdfast.authorization.adapter.kafka;

import io.holdfast.authorization.application.AuthorizeCommand;
import io.holdfast.authorization.application.CancelCommand;
import io.holdfast.authorization.application.PayOrder;
import io.holdfast.authorization.domain.CancelInitiator;
import io.holdfast.authorization.domain.CaptureMode;
import io.holdfast.authorization.domain.DeadlinePolicy;
import io.holdfast.authorization.domain.Money;
import io.holdfast.messaging.inbox.CommandFingerprint;
import io.holdfast.schemas.command.AuthorizePayment;
import io.holdfast.schemas.command.CancelPayment;
import io.holdfast.schemas.command.Env;
import io.holdfast.schemas.command.Order;
import io.holdfast.schemas.command.PaymentCommand;

/** Maps the Avro commands onto the application's. */
final class CommandMapper {

    /** The capture-service's VOID policy sends CancelPayment with this commandId prefix. */
    static final String GUARDIAN_PREFIX = "void-";

    private CommandMapper() {
    }

    static AuthorizeCommand authorize(PaymentCommand command, AuthorizePayment payload) {
        io.holdfast.schemas.command.CardReference card = payload.getCard();
        Order order = payload.getOrder();
        Env env = payload.getEnv();
        PayOrder.Buyer buyer = order.getBuyer() == null ? null : new PayOrder.Buyer(
                order.getBuyer().getReferenceBuyerId(), order.getBuyer().getFullName(), order.getBuyer().getEmail(),
                order.getBuyer().getPhoneNo());
        PayOrder pay = new PayOrder(command.getPaymentRequestId(), money(payload.getAmount()),
                CaptureMode.valueOf(payload.getCaptureMode().name()),
                new PayOrder.Card(card.getCardToken(), card.getCardOnFile(), card.getNetworkTransactionId(),
                        card.getThreeDSAuthentication()),
                new PayOrder.OrderInfo(order.getReferenceOrderId(), order.getOrderDescription(),
                        order.getOrderAmount() == null ? null : money(order.getOrderAmount()), buyer,
                        order.getGoods().stream().map(g -> new PayOrder.Goods(g.getReferenceGoodsId(),
                                g.getGoodsName(), g.getGoodsCategory(),
                                g.getUnitAmount() == null ? null : money(g.getUnitAmount()), g.getQuantity())).toList()),
                new PayOrder.Environment(env.getTerminalType().name(), env.getOsType(), env.getClientIp(),
                        env.getUserAgent(), env.getAcceptHeader(), env.getLanguage(), env.getDeviceTokenId()),
                payload.getPaymentRedirectUrl(), payload.getSettlementCurrency(), payload.getMerchantRegion());
        DeadlinePolicy policy = payload.getDeadlinePolicy() == null ? null
                : DeadlinePolicy.valueOf(payload.getDeadlinePolicy().name());
        return new AuthorizeCommand(command.getCommandId(), command.getMerchantId(),
                CommandFingerprint.ofRequest(command.getMerchantId(), payload), policy, pay,
                CommandFingerprint.of(command));
    }

    static CancelCommand cancel(PaymentCommand command, CancelPayment payload) {
        CancelInitiator initiator = command.getCommandId().startsWith(GUARDIAN_PREFIX)
                ? CancelInitiator.DEADLINE_GUARDIAN : CancelInitiator.MERCHANT;
        return new CancelCommand(command.getCommandId(), command.getPaymentRequestId(), command.getMerchantId(),
                initiator, payload.getReason(), CommandFingerprint.of(command));
    }

    private static Money money(io.holdfast.schemas.common.Money money) {
        return new Money(money.getValueMinor(), money.getCurrency());
    }
}
