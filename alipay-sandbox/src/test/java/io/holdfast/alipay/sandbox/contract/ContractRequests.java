package io.holdfast.alipay.sandbox.contract;

import io.holdfast.alipay.client.model.Amount;
import io.holdfast.alipay.client.model.Buyer;
import io.holdfast.alipay.client.model.CaptureMode;
import io.holdfast.alipay.client.model.CaptureRequest;
import io.holdfast.alipay.client.model.CardMetaData;
import io.holdfast.alipay.client.model.Env;
import io.holdfast.alipay.client.model.Order;
import io.holdfast.alipay.client.model.PayRequest;
import io.holdfast.alipay.client.model.PaymentMethod;
import io.holdfast.alipay.client.model.UserName;
import java.util.UUID;

/**
 * Typed requests for the contract suite, built only with alipay-client's public factories (the way services
 * build them), with the documented test cards of reference section 11.
 */
final class ContractRequests {

    /** Approved (reference 11). */
    static final String VISA = "4054695723100768";
    /** DO_NOT_HONOR (reference 11). */
    static final String DECLINED_VISA = "4054692760174822";
    /** Antom's documented risk-control trigger amount. */
    static final long RISK_REJECT_AMOUNT = 11;
    static final String RETURN_URL = "https://merchant.example/return";

    private ContractRequests() {
    }

    static String id(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "");
    }

    static Amount usd(long minorUnits) {
        return Amount.ofMinor("USD", minorUnits);
    }

    static CardMetaData card(String number) {
        return CardMetaData.card(number, "123", "28", "06", UserName.of("Alan", "Wallex"), null);
    }

    static PayRequest pay(String paymentRequestId, Amount amount, PaymentMethod method, CaptureMode mode,
            String notifyUrl) {
        return pay(paymentRequestId, "ORD_" + paymentRequestId, amount, method, mode, notifyUrl);
    }

    static PayRequest pay(String paymentRequestId, String referenceOrderId, Amount amount, PaymentMethod method,
            CaptureMode mode, String notifyUrl) {
        Order order = Order.of(referenceOrderId, "Order " + paymentRequestId, amount, Buyer.of("U123"));
        PayRequest request = PayRequest.card(paymentRequestId, order, amount, method, mode, RETURN_URL,
                Env.web("1.2.3.4"));
        return notifyUrl == null ? request : request.withPaymentNotifyUrl(notifyUrl);
    }

    static PayRequest cardPay(String paymentRequestId, long minorUnits, String cardNo, CaptureMode mode,
            String notifyUrl) {
        return pay(paymentRequestId, usd(minorUnits), PaymentMethod.card(card(cardNo)), mode, notifyUrl);
    }

    /** {@code request} with the required field at {@code path} (as {@link PayRequest#missingRequiredFields()} names it) left out. */
    static PayRequest without(PayRequest request, String path) {
        Order order = request.order();
        Env env = request.env();
        return switch (path) {
            case "productCode" -> copy(request, null, order, request.paymentAmount(), request.paymentMethod(),
                    request.paymentRedirectUrl(), env);
            case "order.referenceOrderId" -> copy(request, request.productCode(), new Order(null,
                    order.orderDescription(), order.orderAmount(), order.buyer(), null, null), request.paymentAmount(),
                    request.paymentMethod(), request.paymentRedirectUrl(), env);
            case "order.orderDescription" -> copy(request, request.productCode(), new Order(order.referenceOrderId(),
                    null, order.orderAmount(), order.buyer(), null, null), request.paymentAmount(),
                    request.paymentMethod(), request.paymentRedirectUrl(), env);
            case "order.orderAmount" -> copy(request, request.productCode(), new Order(order.referenceOrderId(),
                    order.orderDescription(), null, order.buyer(), null, null), request.paymentAmount(),
                    request.paymentMethod(), request.paymentRedirectUrl(), env);
            case "paymentAmount" -> copy(request, request.productCode(), order, null, request.paymentMethod(),
                    request.paymentRedirectUrl(), env);
            case "paymentMethod" -> copy(request, request.productCode(), order, request.paymentAmount(), null,
                    request.paymentRedirectUrl(), env);
            case "paymentRedirectUrl" -> copy(request, request.productCode(), order, request.paymentAmount(),
                    request.paymentMethod(), null, env);
            case "env.terminalType" -> copy(request, request.productCode(), order, request.paymentAmount(),
                    request.paymentMethod(), request.paymentRedirectUrl(),
                    new Env(null, null, "1.2.3.4", null, null, null, null, null, null, null, null, null, null, null));
            case "env" -> copy(request, request.productCode(), order, request.paymentAmount(),
                    request.paymentMethod(), request.paymentRedirectUrl(), null);
            default -> throw new IllegalArgumentException("no mutation for " + path);
        };
    }

    private static PayRequest copy(PayRequest r, String productCode, Order order, Amount amount, PaymentMethod method,
            String redirectUrl, Env env) {
        return new PayRequest(productCode, r.paymentRequestId(), order, amount, method, r.paymentFactor(), redirectUrl,
                r.paymentNotifyUrl(), r.settlementStrategy(), env, r.paymentExpiryTime(), r.merchantRegion(),
                r.merchantAccountId(), r.userRegion());
    }

    static CaptureRequest capture(String paymentId, long minorUnits) {
        return CaptureRequest.of(id("cap"), paymentId, usd(minorUnits));
    }
}
