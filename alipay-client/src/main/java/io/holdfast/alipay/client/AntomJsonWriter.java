package io.holdfast.alipay.client;

import io.holdfast.alipay.client.model.Address;
import io.holdfast.alipay.client.model.Amount;
import io.holdfast.alipay.client.model.BrowserInfo;
import io.holdfast.alipay.client.model.Buyer;
import io.holdfast.alipay.client.model.CancelRequest;
import io.holdfast.alipay.client.model.CaptureRequest;
import io.holdfast.alipay.client.model.CardMetaData;
import io.holdfast.alipay.client.model.ConsultRequest;
import io.holdfast.alipay.client.model.Env;
import io.holdfast.alipay.client.model.Goods;
import io.holdfast.alipay.client.model.InquiryPaymentRequest;
import io.holdfast.alipay.client.model.InquiryRefundRequest;
import io.holdfast.alipay.client.model.Order;
import io.holdfast.alipay.client.model.PayRequest;
import io.holdfast.alipay.client.model.PaymentFactor;
import io.holdfast.alipay.client.model.PaymentMethod;
import io.holdfast.alipay.client.model.PaymentMethodDetail;
import io.holdfast.alipay.client.model.RefundRequest;
import io.holdfast.alipay.client.model.SettlementStrategy;
import io.holdfast.alipay.client.model.Shipping;
import io.holdfast.alipay.client.model.UserName;
import io.holdfast.alipay.client.model.VaultCard;
import io.holdfast.alipay.client.model.VaultPaymentMethodRequest;
import java.util.Arrays;
import java.util.List;

/**
 * Writes the request records as JSON by hand, byte for byte what {@link AlipayJson#mapper()} writes for them
 * (record component order, nulls left out, Jackson's string escaping: {@code \"}, {@code \\}, the short escapes
 * {@code \b \t \n \f \r}, other control characters and lone surrogates as upper-case {@code \}{@code uXXXX},
 * everything else as UTF-8). A profile of the client showed Jackson's per-property serializer machinery on every
 * call; this is one pass over the fields into one array. {@code AntomJsonWriterUnitTests} compares both outputs for
 * every request type, with every component set and with none set.
 *
 * <p>{@link #write(Object)} returns null for a type it does not know; the caller then uses Jackson.
 */
final class AntomJsonWriter {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private byte[] out = new byte[768];
    private int size;
    /** True right after an opening brace: the next field needs no comma. */
    private boolean first;

    private AntomJsonWriter() {
    }

    /** The request's JSON bytes, or null when the request is not one of the types written here. */
    static byte[] write(Object request) {
        AntomJsonWriter writer = new AntomJsonWriter();
        if (request instanceof PayRequest pay) {
            writer.pay(pay);
        } else if (request instanceof CaptureRequest capture) {
            writer.capture(capture);
        } else if (request instanceof CancelRequest cancel) {
            writer.cancel(cancel);
        } else if (request instanceof InquiryPaymentRequest inquiry) {
            writer.inquiryPayment(inquiry);
        } else if (request instanceof RefundRequest refund) {
            writer.refund(refund);
        } else if (request instanceof InquiryRefundRequest inquiry) {
            writer.inquiryRefund(inquiry);
        } else if (request instanceof ConsultRequest consult) {
            writer.consult(consult);
        } else if (request instanceof VaultPaymentMethodRequest vault) {
            writer.vault(vault);
        } else {
            return null;
        }
        return Arrays.copyOf(writer.out, writer.size);
    }

    private void pay(PayRequest r) {
        begin();
        string("productCode", r.productCode());
        string("paymentRequestId", r.paymentRequestId());
        if (r.order() != null) {
            key("order");
            order(r.order());
        }
        amount("paymentAmount", r.paymentAmount());
        if (r.paymentMethod() != null) {
            key("paymentMethod");
            paymentMethod(r.paymentMethod());
        }
        paymentFactor(r.paymentFactor());
        string("paymentRedirectUrl", r.paymentRedirectUrl());
        string("paymentNotifyUrl", r.paymentNotifyUrl());
        settlementStrategy(r.settlementStrategy());
        env(r.env());
        string("paymentExpiryTime", r.paymentExpiryTime());
        string("merchantRegion", r.merchantRegion());
        string("merchantAccountId", r.merchantAccountId());
        string("userRegion", r.userRegion());
        end();
    }

    private void capture(CaptureRequest r) {
        begin();
        string("captureRequestId", r.captureRequestId());
        string("paymentId", r.paymentId());
        amount("captureAmount", r.captureAmount());
        bool("isLastCapture", r.isLastCapture());
        end();
    }

    private void cancel(CancelRequest r) {
        begin();
        string("paymentId", r.paymentId());
        string("paymentRequestId", r.paymentRequestId());
        string("merchantAccountId", r.merchantAccountId());
        end();
    }

    private void inquiryPayment(InquiryPaymentRequest r) {
        begin();
        string("paymentRequestId", r.paymentRequestId());
        string("paymentId", r.paymentId());
        string("merchantAccountId", r.merchantAccountId());
        end();
    }

    private void refund(RefundRequest r) {
        begin();
        string("refundRequestId", r.refundRequestId());
        string("paymentId", r.paymentId());
        string("referenceRefundId", r.referenceRefundId());
        amount("refundAmount", r.refundAmount());
        string("refundReason", r.refundReason());
        string("refundNotifyUrl", r.refundNotifyUrl());
        string("captureId", r.captureId());
        string("metadata", r.metadata());
        bool("isAsyncRefund", r.isAsyncRefund());
        end();
    }

    private void inquiryRefund(InquiryRefundRequest r) {
        begin();
        string("refundRequestId", r.refundRequestId());
        string("refundId", r.refundId());
        string("merchantAccountId", r.merchantAccountId());
        end();
    }

    private void consult(ConsultRequest r) {
        begin();
        string("productCode", r.productCode());
        amount("paymentAmount", r.paymentAmount());
        env(r.env());
        string("merchantRegion", r.merchantRegion());
        string("merchantAccountId", r.merchantAccountId());
        string("userRegion", r.userRegion());
        if (r.allowedPaymentMethodRegions() != null) {
            key("allowedPaymentMethodRegions");
            strings(r.allowedPaymentMethodRegions());
        }
        buyer(r.buyer());
        settlementStrategy(r.settlementStrategy());
        paymentFactor(r.paymentFactor());
        end();
    }

    private void vault(VaultPaymentMethodRequest r) {
        begin();
        string("vaultingRequestId", r.vaultingRequestId());
        string("vaultingNotificationUrl", r.vaultingNotificationUrl());
        string("redirectUrl", r.redirectUrl());
        PaymentMethodDetail detail = r.paymentMethodDetail();
        if (detail != null) {
            key("paymentMethodDetail");
            begin();
            string("paymentMethodType", detail.paymentMethodType());
            vaultCard(detail.card());
            end();
        }
        env(r.env());
        string("merchantRegion", r.merchantRegion());
        string("merchantAccountId", r.merchantAccountId());
        end();
    }

    private void order(Order o) {
        begin();
        string("referenceOrderId", o.referenceOrderId());
        string("orderDescription", o.orderDescription());
        amount("orderAmount", o.orderAmount());
        buyer(o.buyer());
        if (o.goods() != null) {
            key("goods");
            raw('[');
            for (int i = 0; i < o.goods().size(); i++) {
                if (i > 0) {
                    raw(',');
                }
                Goods goods = o.goods().get(i);
                if (goods == null) {
                    ascii("null");
                } else {
                    goods(goods);
                }
            }
            raw(']');
        }
        Shipping shipping = o.shipping();
        if (shipping != null) {
            key("shipping");
            begin();
            userName("shippingName", shipping.shippingName());
            address("shippingAddress", shipping.shippingAddress());
            string("shippingCarrier", shipping.shippingCarrier());
            string("shippingPhoneNo", shipping.shippingPhoneNo());
            string("shipToEmail", shipping.shipToEmail());
            end();
        }
        end();
    }

    private void goods(Goods g) {
        begin();
        string("referenceGoodsId", g.referenceGoodsId());
        string("goodsName", g.goodsName());
        string("goodsCategory", g.goodsCategory());
        string("goodsBrand", g.goodsBrand());
        amount("goodsUnitAmount", g.goodsUnitAmount());
        string("goodsQuantity", g.goodsQuantity());
        string("goodsSkuName", g.goodsSkuName());
        string("goodsUrl", g.goodsUrl());
        string("deliveryMethodType", g.deliveryMethodType());
        end();
    }

    private void buyer(Buyer b) {
        if (b == null) {
            return;
        }
        key("buyer");
        begin();
        string("referenceBuyerId", b.referenceBuyerId());
        userName("buyerName", b.buyerName());
        string("buyerPhoneNo", b.buyerPhoneNo());
        string("buyerEmail", b.buyerEmail());
        string("buyerRegistrationTime", b.buyerRegistrationTime());
        end();
    }

    private void paymentMethod(PaymentMethod m) {
        begin();
        string("paymentMethodType", m.paymentMethodType());
        string("paymentMethodId", m.paymentMethodId());
        CardMetaData c = m.paymentMethodMetaData();
        if (c != null) {
            key("paymentMethodMetaData");
            begin();
            string("cardNo", c.cardNo());
            string("cvv", c.cvv());
            string("expiryYear", c.expiryYear());
            string("expiryMonth", c.expiryMonth());
            userName("cardholderName", c.cardholderName());
            address("billingAddress", c.billingAddress());
            bool("is3DSAuthentication", c.is3DSAuthentication());
            bool("enableAuthenticationUpgrade", c.enableAuthenticationUpgrade());
            bool("tokenize", c.tokenize());
            bool("isCardOnFile", c.isCardOnFile());
            string("networkTransactionId", c.networkTransactionId());
            string("cpf", c.cpf());
            string("payerEmail", c.payerEmail());
            string("selectedCardBrand", c.selectedCardBrand());
            end();
        }
        end();
    }

    private void vaultCard(VaultCard c) {
        if (c == null) {
            return;
        }
        key("card");
        begin();
        string("cardNo", c.cardNo());
        string("expiryYear", c.expiryYear());
        string("expiryMonth", c.expiryMonth());
        string("cvv", c.cvv());
        userName("cardholderName", c.cardholderName());
        address("billingAddress", c.billingAddress());
        bool("is3DSAuthentication", c.is3DSAuthentication());
        string("cardToken", c.cardToken());
        string("maskedCardNo", c.maskedCardNo());
        string("brand", c.brand());
        string("cardBrand", c.cardBrand());
        string("funding", c.funding());
        string("issuingCountry", c.issuingCountry());
        end();
    }

    private void paymentFactor(PaymentFactor f) {
        if (f == null) {
            return;
        }
        key("paymentFactor");
        begin();
        bool("isAuthorization", f.isAuthorization());
        if (f.captureMode() != null) {
            string("captureMode", f.captureMode().name());
        }
        end();
    }

    private void settlementStrategy(SettlementStrategy s) {
        if (s == null) {
            return;
        }
        key("settlementStrategy");
        begin();
        string("settlementCurrency", s.settlementCurrency());
        end();
    }

    private void env(Env e) {
        if (e == null) {
            return;
        }
        key("env");
        begin();
        string("terminalType", e.terminalType());
        string("osType", e.osType());
        string("clientIp", e.clientIp());
        BrowserInfo b = e.browserInfo();
        if (b != null) {
            key("browserInfo");
            begin();
            string("acceptHeader", b.acceptHeader());
            bool("javaEnabled", b.javaEnabled());
            bool("javaScriptEnabled", b.javaScriptEnabled());
            string("language", b.language());
            string("userAgent", b.userAgent());
            end();
        }
        string("userAgent", e.userAgent());
        string("deviceTokenId", e.deviceTokenId());
        string("cookieId", e.cookieId());
        string("deviceLanguage", e.deviceLanguage());
        string("deviceId", e.deviceId());
        string("osVersion", e.osVersion());
        integer("timeZoneOffset", e.timeZoneOffset());
        integer("screenHeight", e.screenHeight());
        integer("screenWidth", e.screenWidth());
        integer("colorDepth", e.colorDepth());
        end();
    }

    private void amount(String name, Amount a) {
        if (a == null) {
            return;
        }
        key(name);
        begin();
        string("currency", a.currency());
        string("value", a.value());
        end();
    }

    private void userName(String name, UserName u) {
        if (u == null) {
            return;
        }
        key(name);
        begin();
        string("firstName", u.firstName());
        string("middleName", u.middleName());
        string("lastName", u.lastName());
        string("fullName", u.fullName());
        end();
    }

    private void address(String name, Address a) {
        if (a == null) {
            return;
        }
        key(name);
        begin();
        string("region", a.region());
        string("state", a.state());
        string("city", a.city());
        string("address1", a.address1());
        string("address2", a.address2());
        string("zipCode", a.zipCode());
        end();
    }

    private void strings(List<String> values) {
        raw('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                raw(',');
            }
            String value = values.get(i);
            if (value == null) {
                ascii("null");
            } else {
                quoted(value);
            }
        }
        raw(']');
    }

    private void begin() {
        raw('{');
        first = true;
    }

    private void end() {
        raw('}');
        first = false;
    }

    /** {@code ,"name":} (no comma after an opening brace); names are plain ASCII. */
    private void key(String name) {
        if (!first) {
            raw(',');
        }
        first = false;
        raw('"');
        ascii(name);
        raw('"');
        raw(':');
    }

    private void string(String name, String value) {
        if (value != null) {
            key(name);
            quoted(value);
        }
    }

    private void bool(String name, Boolean value) {
        if (value != null) {
            key(name);
            ascii(value ? "true" : "false");
        }
    }

    private void integer(String name, Integer value) {
        if (value != null) {
            key(name);
            ascii(Integer.toString(value));
        }
    }

    private void quoted(String value) {
        int length = value.length();
        ensure(length * 6 + 2);
        byte[] b = out;
        int at = size;
        b[at++] = '"';
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\') {
                    b[at++] = (byte) c;
                } else {
                    at = escape(b, at, c);
                }
            } else if (c < 0x800) {
                b[at++] = (byte) (0xC0 | c >> 6);
                b[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
                int code = Character.toCodePoint(c, value.charAt(++i));
                b[at++] = (byte) (0xF0 | code >> 18);
                b[at++] = (byte) (0x80 | code >> 12 & 0x3F);
                b[at++] = (byte) (0x80 | code >> 6 & 0x3F);
                b[at++] = (byte) (0x80 | code & 0x3F);
            } else if (Character.isSurrogate(c)) {
                at = unicodeEscape(b, at, c);
            } else {
                b[at++] = (byte) (0xE0 | c >> 12);
                b[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
        b[at++] = '"';
        size = at;
    }

    private static int escape(byte[] b, int at, char c) {
        char shortForm = switch (c) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '\b' -> 'b';
            case '\t' -> 't';
            case '\n' -> 'n';
            case '\f' -> 'f';
            case '\r' -> 'r';
            default -> 0;
        };
        if (shortForm == 0) {
            return unicodeEscape(b, at, c);
        }
        b[at++] = '\\';
        b[at++] = (byte) shortForm;
        return at;
    }

    private static int unicodeEscape(byte[] b, int at, char c) {
        b[at++] = '\\';
        b[at++] = 'u';
        b[at++] = HEX[c >> 12 & 0xF];
        b[at++] = HEX[c >> 8 & 0xF];
        b[at++] = HEX[c >> 4 & 0xF];
        b[at++] = HEX[c & 0xF];
        return at;
    }

    private void ascii(String text) {
        int length = text.length();
        ensure(length);
        for (int i = 0; i < length; i++) {
            out[size++] = (byte) text.charAt(i);
        }
    }

    private void raw(char c) {
        ensure(1);
        out[size++] = (byte) c;
    }

    private void ensure(int more) {
        if (size + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, size + more));
        }
    }
}
