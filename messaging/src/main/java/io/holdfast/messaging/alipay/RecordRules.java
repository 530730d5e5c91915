package io.holdfast.messaging.alipay;

import io.holdfast.alipay.client.model.AntomFields;
import io.holdfast.alipay.client.model.AntomFields.Rule;
import io.holdfast.alipay.client.model.AntomFields.Violation;
import io.holdfast.schemas.command.AuthorizePayment;
import io.holdfast.schemas.command.Buyer;
import io.holdfast.schemas.command.CancelPayment;
import io.holdfast.schemas.command.CapturePayment;
import io.holdfast.schemas.command.ChangeDeadlinePolicy;
import io.holdfast.schemas.command.Env;
import io.holdfast.schemas.command.Goods;
import io.holdfast.schemas.command.Order;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.command.RefundPayment;
import io.holdfast.schemas.common.CardSummary;
import io.holdfast.schemas.common.Money;
import io.holdfast.schemas.notification.AlipayNotification;
import io.holdfast.schemas.notification.CaptureResultNotification;
import io.holdfast.schemas.notification.PaymentResultNotification;
import io.holdfast.schemas.notification.RefundResultNotification;
import io.holdfast.schemas.notification.VaultingResultNotification;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Antom's field rules ({@link AntomFields}, the same the edge applies to a signed notification) on the records the
 * services consume: an {@link AlipayNotification} from {@code alipay.notifications} and a {@link PaymentCommand} from
 * {@code payments.commands}. A record that decodes may still break them (a buggy producer, a merchant's own
 * producer, a record written before the edge was strict): the first broken rule is returned, and the service rejects
 * the command ({@code CommandRejected}) or dead-letters the notification with it. No framework, no I/O.
 */
public final class RecordRules {

    /** commandId is ours, not Antom's: the edge writes a UUID, the deadline guardian {@code void-<paymentRequestId>}. */
    public static final int COMMAND_ID_MAX = 128;
    public static final int MERCHANT_ID_MAX = 64;
    /** An operator's login on a console command (PaymentCommand.operatorId). */
    public static final int OPERATOR_ID_MAX = 64;
    public static final int CLIENT_ID_MAX = 128;
    public static final int REQUEST_TIME_MAX = 64;
    public static final int GOODS_MAX = 100;

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> PAYMENT_NOTIFY_TYPES = Set.of("PAYMENT_RESULT", "PAYMENT_PENDING");
    /** refundStatus of a notifyRefund: it is only sent once the refund is final. */
    private static final Set<String> REFUND_STATUSES = Set.of("SUCCESS", "FAIL");

    private RecordRules() {
    }

    /**
     * The edge writes the hex SHA-256 of the signed body as notificationId: a hash is opaque (its digits can pass
     * Luhn by chance: one hash in a few thousand did, found by the edge's fuzz); any other shape is checked as an id.
     */
    private static Optional<Violation> notificationId(String value) {
        if (isEdgeNotificationId(value)) {
            return Optional.empty();
        }
        return AntomFields.id("notificationId", value, AntomFields.ID_MAX);
    }

    /** True for a notificationId as the edge writes it: 64 lowercase hex digits (a SHA-256), opaque. */
    public static boolean isEdgeNotificationId(String value) {
        return value != null && SHA256_HEX.matcher(value).matches();
    }

    /** The first rule the notification breaks, if any. */
    public static Optional<Violation> notification(AlipayNotification n) {
        return first(
                () -> notificationId(n.getNotificationId()),
                () -> AntomFields.opaque("clientId", n.getClientId(), CLIENT_ID_MAX, true),
                // opaque (epoch millis or ISO 8601): 13 digits of millis are no card number
                () -> AntomFields.opaque("requestTime", n.getRequestTime(), REQUEST_TIME_MAX, true),
                () -> AntomFields.instant("receivedAt", n.getReceivedAt()),
                () -> payload(n.getPayload()));
    }

    private static Optional<Violation> payload(Object payload) {
        if (payload instanceof PaymentResultNotification p) {
            return first(
                    () -> AntomFields.oneOf("payload.notifyType", required(p.getNotifyType()), PAYMENT_NOTIFY_TYPES),
                    () -> result(p.getResultStatus(), p.getResultCode(), p.getResultMessage()),
                    () -> AntomFields.id("payload.paymentRequestId", p.getPaymentRequestId(), AntomFields.ID_MAX),
                    () -> AntomFields.id("payload.paymentId", p.getPaymentId(), AntomFields.ID_MAX),
                    () -> money("payload.paymentAmount", p.getPaymentAmount(), false),
                    () -> AntomFields.instant("payload.paymentCreateTime", p.getPaymentCreateTime()),
                    () -> AntomFields.instant("payload.paymentTime", p.getPaymentTime()),
                    () -> AntomFields.instant("payload.authExpiryTime", p.getAuthExpiryTime()),
                    () -> card("payload.card", p.getCard()),
                    () -> AntomFields.opaque("payload.cardToken", p.getCardToken(), AntomFields.CARD_TOKEN_MAX, false));
        }
        if (payload instanceof CaptureResultNotification c) {
            return first(
                    () -> result(c.getResultStatus(), c.getResultCode(), c.getResultMessage()),
                    () -> AntomFields.id("payload.captureRequestId", c.getCaptureRequestId(), AntomFields.ID_MAX),
                    () -> AntomFields.id("payload.paymentId", c.getPaymentId(), AntomFields.ID_MAX),
                    () -> AntomFields.id("payload.captureId", c.getCaptureId(), AntomFields.ID_MAX),
                    () -> money("payload.captureAmount", c.getCaptureAmount(), false),
                    () -> AntomFields.instant("payload.captureTime", c.getCaptureTime()),
                    () -> AntomFields.text("payload.acquirerReferenceNo", c.getAcquirerReferenceNo(),
                            AntomFields.ID_MAX));
        }
        if (payload instanceof VaultingResultNotification v) {
            return first(
                    () -> result(v.getResultStatus(), v.getResultCode(), v.getResultMessage()),
                    () -> AntomFields.id("payload.vaultingRequestId", v.getVaultingRequestId(), AntomFields.ID_MAX),
                    () -> AntomFields.opaque("payload.cardToken", v.getCardToken(), AntomFields.CARD_TOKEN_MAX, false),
                    () -> card("payload.card", v.getCard()));
        }
        if (payload instanceof RefundResultNotification r) {
            return refundResult(r);
        }
        return Optional.of(new Violation("payload", Rule.INVALID_VALUE, "payload is of no known type"));
    }

    /** notifyRefund (antom-refunds.md 6): final results only, SUCCESS or FAIL; no paymentId. */
    private static Optional<Violation> refundResult(RefundResultNotification r) {
        return first(
                () -> result(r.getResultStatus(), r.getResultCode(), r.getResultMessage()),
                () -> AntomFields.oneOf("payload.refundStatus", required(r.getRefundStatus()), REFUND_STATUSES),
                () -> AntomFields.id("payload.refundRequestId", r.getRefundRequestId(), AntomFields.ID_MAX),
                () -> AntomFields.id("payload.refundId", r.getRefundId(), AntomFields.ID_MAX),
                () -> money("payload.refundAmount", r.getRefundAmount(), false),
                () -> AntomFields.instant("payload.refundTime", r.getRefundTime()),
                () -> AntomFields.text("payload.arn", r.getArn(), AntomFields.ID_MAX));
    }

    /** The first rule the command breaks, if any. */
    public static Optional<Violation> command(PaymentCommand c) {
        return first(
                () -> AntomFields.id("commandId", c.getCommandId(), COMMAND_ID_MAX),
                () -> AntomFields.id("paymentRequestId", c.getPaymentRequestId(), AntomFields.ID_MAX),
                () -> c.getMerchantId() == null ? Optional.empty()
                        : AntomFields.id("merchantId", c.getMerchantId(), MERCHANT_ID_MAX),
                () -> AntomFields.instant("issuedAt", c.getIssuedAt()),
                () -> c.getOperatorId() == null ? Optional.empty()
                        : AntomFields.id("operatorId", c.getOperatorId(), OPERATOR_ID_MAX),
                () -> commandPayload(c.getPayload()));
    }

    /**
     * {@code value} when it is a valid id of at most {@code max} characters, else null: what a rejection may be
     * addressed with (a broken commandId or merchantId is not repeated onto payments.events).
     */
    public static String validIdOrNull(String value, int max) {
        return value != null && AntomFields.id("id", value, max).isEmpty() ? value : null;
    }

    private static Optional<Violation> commandPayload(Object payload) {
        if (payload instanceof AuthorizePayment a) {
            return authorize(a);
        }
        if (payload instanceof CancelPayment cancel) {
            return AntomFields.text("payload.reason", cancel.getReason(), AntomFields.RESULT_MESSAGE_MAX);
        }
        if (payload instanceof CapturePayment capture) {
            return money("payload.amount", capture.getAmount(), true)
                    .or(() -> AntomFields.instant("payload.captureAt", capture.getCaptureAt()));
        }
        if (payload instanceof RefundPayment refund) {
            return first(
                    () -> refund.getRefundRequestId() == null ? Optional.empty()
                            : AntomFields.id("payload.refundRequestId", refund.getRefundRequestId(), AntomFields.ID_MAX),
                    () -> money("payload.amount", refund.getAmount(), true),
                    () -> AntomFields.text("payload.reason", refund.getReason(), AntomFields.RESULT_MESSAGE_MAX),
                    () -> refund.getCaptureId() == null ? Optional.empty()
                            : AntomFields.id("payload.captureId", refund.getCaptureId(), AntomFields.ID_MAX));
        }
        if (payload instanceof ChangeDeadlinePolicy change) {
            return change.getPolicy() == null
                    ? Optional.of(new Violation("payload.policy", Rule.INVALID_VALUE, "policy is required"))
                    : AntomFields.text("payload.reason", change.getReason(), AntomFields.RESULT_MESSAGE_MAX);
        }
        return Optional.of(new Violation("payload", Rule.INVALID_VALUE, "payload is of no known type"));
    }

    private static Optional<Violation> authorize(AuthorizePayment a) {
        Order order = a.getOrder();
        Env env = a.getEnv();
        return first(
                () -> money("payload.amount", a.getAmount(), true),
                () -> AntomFields.opaque("payload.card.cardToken", a.getCard().getCardToken(),
                        AntomFields.CARD_TOKEN_MAX, true),
                () -> AntomFields.opaque("payload.card.networkTransactionId", a.getCard().getNetworkTransactionId(),
                        128, false),
                () -> AntomFields.id("payload.order.referenceOrderId", order.getReferenceOrderId(), AntomFields.ID_MAX),
                () -> required("payload.order.orderDescription", order.getOrderDescription()).or(() ->
                        AntomFields.text("payload.order.orderDescription", order.getOrderDescription(), 256)),
                () -> order.getOrderAmount() == null ? Optional.empty()
                        : money("payload.order.orderAmount", order.getOrderAmount(), true),
                () -> buyer(order.getBuyer()),
                () -> goods(order.getGoods()),
                () -> env(env),
                () -> required("payload.paymentRedirectUrl", a.getPaymentRedirectUrl()).or(() ->
                        AntomFields.text("payload.paymentRedirectUrl", a.getPaymentRedirectUrl(), AntomFields.URL_MAX)),
                () -> a.getSettlementCurrency() == null ? Optional.empty()
                        : AntomFields.currency("payload.settlementCurrency", a.getSettlementCurrency()),
                () -> AntomFields.region("payload.merchantRegion", a.getMerchantRegion()));
    }

    private static Optional<Violation> buyer(Buyer b) {
        if (b == null) {
            return Optional.empty();
        }
        return first(
                () -> AntomFields.text("payload.order.buyer.referenceBuyerId", b.getReferenceBuyerId(), 64),
                () -> AntomFields.text("payload.order.buyer.fullName", b.getFullName(), 128),
                () -> AntomFields.text("payload.order.buyer.email", b.getEmail(), 64),
                () -> AntomFields.text("payload.order.buyer.phoneNo", b.getPhoneNo(), 24));
    }

    private static Optional<Violation> goods(List<Goods> goods) {
        if (goods.size() > GOODS_MAX) {
            return Optional.of(new Violation("payload.order.goods", Rule.TOO_LONG,
                    "payload.order.goods has more than " + GOODS_MAX + " items"));
        }
        for (int i = 0; i < goods.size(); i++) {
            Goods g = goods.get(i);
            String p = "payload.order.goods[" + i + "]";
            Optional<Violation> found = first(
                    () -> AntomFields.id(p + ".referenceGoodsId", g.getReferenceGoodsId(), 64),
                    () -> required(p + ".goodsName", g.getGoodsName())
                            .or(() -> AntomFields.text(p + ".goodsName", g.getGoodsName(), 256)),
                    () -> AntomFields.text(p + ".goodsCategory", g.getGoodsCategory(), 64),
                    () -> g.getUnitAmount() == null ? Optional.empty() : money(p + ".unitAmount", g.getUnitAmount(), true),
                    () -> g.getQuantity() < 1 ? Optional.of(new Violation(p + ".quantity", Rule.INVALID_AMOUNT,
                            p + ".quantity must be at least 1")) : Optional.empty());
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<Violation> env(Env e) {
        return first(
                () -> AntomFields.text("payload.env.osType", e.getOsType(), 16),
                () -> AntomFields.text("payload.env.clientIp", e.getClientIp(), 64),
                () -> AntomFields.text("payload.env.userAgent", e.getUserAgent(), 1024),
                () -> AntomFields.text("payload.env.acceptHeader", e.getAcceptHeader(), 1024),
                () -> AntomFields.text("payload.env.language", e.getLanguage(), 32),
                () -> AntomFields.text("payload.env.deviceTokenId", e.getDeviceTokenId(), 128));
    }

    private static Optional<Violation> result(String status, String code, String message) {
        return first(
                () -> AntomFields.oneOf("payload.resultStatus", required(status), AntomFields.RESULT_STATUSES),
                () -> AntomFields.id("payload.resultCode", code, AntomFields.RESULT_CODE_MAX),
                () -> AntomFields.text("payload.resultMessage", message, AntomFields.RESULT_MESSAGE_MAX));
    }

    private static Optional<Violation> card(String field, CardSummary card) {
        if (card == null) {
            return Optional.empty();
        }
        return first(
                () -> AntomFields.cardDataField(field + ".maskedCardNo", "cardNo", card.getMaskedCardNo()),
                () -> AntomFields.text(field + ".maskedCardNo", card.getMaskedCardNo(), 32),
                () -> AntomFields.text(field + ".cardBrand", card.getCardBrand(), 32),
                () -> AntomFields.text(field + ".funding", card.getFunding(), 32),
                () -> AntomFields.region(field + ".issuingCountry", card.getIssuingCountry()));
    }

    private static Optional<Violation> money(String field, Money money, boolean positive) {
        return AntomFields.amount(field + ".valueMinor", money.getValueMinor(), positive)
                .or(() -> AntomFields.currency(field + ".currency", money.getCurrency()));
    }

    private static Optional<Violation> length(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            return required ? Optional.of(new Violation(field, Rule.REQUIRED, field + " is required"))
                    : Optional.empty();
        }
        return value.length() > max ? Optional.of(new Violation(field, Rule.TOO_LONG,
                field + " is longer than " + max + " characters")) : Optional.empty();
    }

    private static Optional<Violation> required(String field, String value) {
        return length(field, value, Integer.MAX_VALUE, true);
    }

    /** A value for {@link AntomFields#oneOf}, where absent is a violation too: the empty string is in no set. */
    private static String required(String value) {
        return value == null ? "" : value;
    }

    @SafeVarargs
    private static Optional<Violation> first(Supplier<Optional<Violation>>... checks) {
        for (Supplier<Optional<Violation>> check : checks) {
            Optional<Violation> found = check.get();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
