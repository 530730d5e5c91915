package io.holdfast.authorization.adapter.alipay;

import io.holdfast.alipay.client.model.Amount;
import io.holdfast.alipay.client.model.BrowserInfo;
import io.holdfast.alipay.client.model.Buyer;
import io.holdfast.alipay.client.model.CaptureMode;
import io.holdfast.alipay.client.model.CardMetaData;
import io.holdfast.alipay.client.model.Env;
import io.holdfast.alipay.client.model.Goods;
import io.holdfast.alipay.client.model.Order;
import io.holdfast.alipay.client.model.PayRequest;
import io.holdfast.alipay.client.model.PaymentMethod;
import io.holdfast.alipay.client.model.UserName;
import io.holdfast.authorization.application.PayOrder;
import io.holdfast.authorization.domain.Money;
import java.util.List;

/** Builds Antom's pay request from a {@link PayOrder}: a card token, never raw card data. */
final class PayRequests {

    private PayRequests() {
    }

    static PayRequest of(PayOrder order, String notifyUrl) {
        PayOrder.Card card = order.card();
        CardMetaData meta = new CardMetaData(null, null, null, null, null, null,
                card.threeDSAuthentication() ? Boolean.TRUE : null, null, null, card.cardOnFile() ? Boolean.TRUE : null,
                card.networkTransactionId(), null, null, null);
        PaymentMethod method = new PaymentMethod(PaymentMethod.CARD, card.cardToken(), meta);
        PayRequest request = PayRequest.card(order.paymentRequestId(), order(order), amount(order.amount()), method,
                CaptureMode.valueOf(order.captureMode().name()), order.paymentRedirectUrl(), env(order.env()));
        if (notifyUrl != null && !notifyUrl.isBlank()) {
            request = request.withPaymentNotifyUrl(notifyUrl);
        }
        if (order.settlementCurrency() != null) {
            request = request.withSettlementCurrency(order.settlementCurrency());
        }
        if (order.merchantRegion() != null) {
            request = request.withMerchantRegion(order.merchantRegion());
        }
        return request;
    }

    private static Order order(PayOrder order) {
        PayOrder.OrderInfo info = order.order();
        PayOrder.Buyer buyer = info.buyer();
        Buyer antomBuyer = buyer == null ? null : new Buyer(buyer.referenceBuyerId(),
                buyer.fullName() == null ? null : new UserName(null, null, null, buyer.fullName()), buyer.phoneNo(),
                buyer.email(), null);
        List<Goods> goods = info.goods().isEmpty() ? null : info.goods().stream()
                .map(g -> new Goods(g.referenceGoodsId(), g.goodsName(), g.goodsCategory(), null,
                        g.unitAmount() == null ? null : amount(g.unitAmount()), Integer.toString(g.quantity()), null,
                        null, null))
                .toList();
        Money orderAmount = info.orderAmount() == null ? order.amount() : info.orderAmount();
        return new Order(info.referenceOrderId(), info.orderDescription(), amount(orderAmount), antomBuyer, goods,
                null);
    }

    private static Env env(PayOrder.Environment env) {
        BrowserInfo browser = env.acceptHeader() == null && env.language() == null && env.userAgent() == null ? null
                : new BrowserInfo(env.acceptHeader(), null, null, env.language(), env.userAgent());
        return new Env(env.terminalType(), env.osType(), env.clientIp(), browser, env.userAgent(), env.deviceTokenId(),
                null, null, null, null, null, null, null, null);
    }

    private static Amount amount(Money money) {
        return Amount.ofMinor(money.currency(), money.valueMinor());
    }
}
