package io.holdfast.alipay.client;

import io.holdfast.alipay.client.model.Address;
import io.holdfast.alipay.client.model.Amount;
import io.holdfast.alipay.client.model.Buyer;
import io.holdfast.alipay.client.model.CaptureMode;
import io.holdfast.alipay.client.model.CardMetaData;
import io.holdfast.alipay.client.model.Env;
import io.holdfast.alipay.client.model.Order;
import io.holdfast.alipay.client.model.PayRequest;
import io.holdfast.alipay.client.model.PaymentMethod;
import io.holdfast.alipay.client.model.UserName;

/** Request fixtures. The PAN is Antom's public sandbox test card; the CVV a test value. */
final class TestRequests {

    static final String TEST_PAN = "4054695723100768";
    static final String TEST_CVV = "737";

    private TestRequests() {
    }

    static PayRequest payWithCard() {
        Amount amount = Amount.ofMinor("USD", 1999);
        CardMetaData card = CardMetaData.card(TEST_PAN, TEST_CVV, "28", "06", UserName.of("Alan", "Wallex"),
                new Address("US", "CA", "San Jose", "1 Main St", null, "95112"));
        return PayRequest.card("PAY_20240101_0001", Order.of("ORD_0001", "Order 0001", amount, Buyer.of("U123")), amount,
                PaymentMethod.card(card), CaptureMode.MANUAL, "https://merchant.example/return", Env.web("1.2.3.4"))
                .withPaymentNotifyUrl("https://merchant.example/antom/notify");
    }

    static PayRequest payWithToken() {
        Amount amount = Amount.ofMinor("USD", 1999);
        return PayRequest.card("PAY_20240101_0002", Order.of("ORD_0002", "Order 0002", amount, Buyer.of("U123")), amount,
                PaymentMethod.cardToken("ALIPAYtokenABCDEF0123456789"), CaptureMode.AUTOMATIC,
                "https://merchant.example/return", Env.web("1.2.3.4"));
    }
}
