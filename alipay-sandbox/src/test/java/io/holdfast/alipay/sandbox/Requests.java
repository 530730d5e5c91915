package io.holdfast.alipay.sandbox;

import io.holdfast.alipay.sandbox.core.Json;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/** Request bodies shaped like reference section 3.1's example. */
final class Requests {

    static final String PAY = "/ams/api/v1/payments/pay";
    static final String CAPTURE = "/ams/api/v1/payments/capture";
    static final String CANCEL = "/ams/api/v1/payments/cancel";
    static final String INQUIRY = "/ams/api/v1/payments/inquiryPayment";
    static final String CONSULT = "/ams/api/v1/payments/consult";
    static final String VAULT = "/ams/api/v1/vaults/vaultPaymentMethod";
    static final String REFUND = "/ams/api/v1/payments/refund";
    static final String INQUIRY_REFUND = "/ams/api/v1/payments/inquiryRefund";
    static final String VISA = "4054695723100768";

    private Requests() {
    }

    static String id(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "");
    }

    static ObjectNode pay(String paymentRequestId, String value, String card, String captureMode, String notifyUrl) {
        ObjectNode body = Json.object();
        body.put("productCode", "CASHIER_PAYMENT");
        body.put("paymentRequestId", paymentRequestId);
        body.set("paymentAmount", amount("USD", value));
        ObjectNode order = body.putObject("order");
        order.put("referenceOrderId", "ORD_" + paymentRequestId);
        order.put("orderDescription", "Order " + paymentRequestId);
        order.set("orderAmount", amount("USD", value));
        order.putObject("buyer").put("referenceBuyerId", "U123");
        ObjectNode method = body.putObject("paymentMethod");
        method.put("paymentMethodType", "CARD");
        if (card != null) {
            ObjectNode meta = method.putObject("paymentMethodMetaData");
            meta.put("cardNo", card);
            meta.put("cvv", "123");
            meta.put("expiryYear", "28");
            meta.put("expiryMonth", "06");
            meta.putObject("cardholderName").put("firstName", "Alan").put("lastName", "Wallex");
            meta.put("is3DSAuthentication", false);
        }
        if (captureMode != null) {
            body.putObject("paymentFactor").put("isAuthorization", true).put("captureMode", captureMode);
        }
        body.put("paymentRedirectUrl", "https://merchant.example/return");
        if (notifyUrl != null) {
            body.put("paymentNotifyUrl", notifyUrl);
        }
        body.putObject("env").put("terminalType", "WEB").put("clientIp", "1.2.3.4");
        return body;
    }

    static ObjectNode manualPay(String paymentRequestId, String value) {
        return pay(paymentRequestId, value, VISA, "MANUAL", null);
    }

    static ObjectNode capture(String captureRequestId, String paymentId, String currency, String value) {
        ObjectNode body = Json.object();
        body.put("captureRequestId", captureRequestId);
        body.put("paymentId", paymentId);
        body.set("captureAmount", amount(currency, value));
        return body;
    }

    static ObjectNode refund(String refundRequestId, String paymentId, String currency, String value, String reason) {
        ObjectNode body = Json.object();
        body.put("refundRequestId", refundRequestId);
        body.put("paymentId", paymentId);
        body.set("refundAmount", amount(currency, value));
        if (reason != null) {
            body.put("refundReason", reason);
        }
        return body;
    }

    static ObjectNode byRefundRequestId(String refundRequestId) {
        return Json.object().put("refundRequestId", refundRequestId);
    }

    static ObjectNode byPaymentId(String paymentId) {
        return Json.object().put("paymentId", paymentId);
    }

    static ObjectNode byRequestId(String paymentRequestId) {
        return Json.object().put("paymentRequestId", paymentRequestId);
    }

    static ObjectNode vault(String vaultingRequestId, String card, String notifyUrl) {
        ObjectNode body = Json.object();
        body.put("vaultingRequestId", vaultingRequestId);
        body.put("vaultingNotificationUrl", notifyUrl);
        body.put("redirectUrl", "https://merchant.example/vaulted");
        ObjectNode detail = body.putObject("paymentMethodDetail");
        detail.put("paymentMethodType", "CARD");
        detail.putObject("card").put("cardNo", card).put("cvv", "123").put("expiryYear", "29")
                .put("expiryMonth", "12");
        return body;
    }

    static ObjectNode amount(String currency, String value) {
        return Json.object().put("currency", currency).put("value", value);
    }
}
