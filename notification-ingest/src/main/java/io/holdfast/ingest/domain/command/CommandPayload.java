package io.holdfast.ingest.domain.command;

import io.holdfast.ingest.domain.Money;
import java.time.Instant;
import java.util.List;

/** The validated content of a merchant command; no raw card data ever reaches one (see {@link CardInput}). */
public sealed interface CommandPayload {

    /** Authorize with a stored card (a token): the only shape published. */
    record Authorize(Money amount, CaptureMode captureMode, CardInput.StoredCard card, OrderInfo order, BuyerEnv env,
            String paymentRedirectUrl, String settlementCurrency, String merchantRegion, DeadlinePolicy deadlinePolicy)
            implements CommandPayload {
    }

    /** Void the authorization. */
    record Cancel(String reason) implements CommandPayload, CommandRequest {

        @Override
        public CommandType type() {
            return CommandType.CANCEL;
        }
    }

    /** Capture exactly the authorized amount, now or at {@code captureAt}. */
    record Capture(Money amount, Instant captureAt) implements CommandPayload, CommandRequest {

        @Override
        public CommandType type() {
            return CommandType.CAPTURE;
        }
    }

    /**
     * Refund (part of) a captured payment.
     *
     * @param refundRequestId the merchant's Antom refundRequestId, or null: derived from the commandId downstream
     * @param captureId the capture to refund, or null: the payment's
     */
    record Refund(Money amount, String refundRequestId, String reason, String captureId)
            implements CommandPayload, CommandRequest {

        @Override
        public CommandType type() {
            return CommandType.REFUND;
        }
    }

    /** AUTOMATIC (Antom's default) or MANUAL capture. */
    enum CaptureMode { AUTOMATIC, MANUAL }

    /** What the deadline guardian does with an uncaptured MANUAL authorization. */
    enum DeadlinePolicy { CAPTURE, VOID, EXPIRE }

    /** Where the buyer pays. */
    enum TerminalType { WEB, WAP, APP, MINI_APP }

    /** The order, for Antom's risk control and display. */
    record OrderInfo(String referenceOrderId, String orderDescription, Money orderAmount, Buyer buyer,
            List<GoodsItem> goods) {

        public OrderInfo {
            goods = List.copyOf(goods);
        }
    }

    /** The buyer, for risk control. */
    record Buyer(String referenceBuyerId, String fullName, String email, String phoneNo) {
    }

    /** One line item. */
    record GoodsItem(String referenceGoodsId, String goodsName, String goodsCategory, Money unitAmount, int quantity) {
    }

    /** The buyer's environment. */
    record BuyerEnv(TerminalType terminalType, String osType, String clientIp, String userAgent, String acceptHeader,
            String language, String deviceTokenId) {
    }
}
