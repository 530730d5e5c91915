package io.holdfast.alipay.client;

import io.holdfast.alipay.client.model.ResultStatus;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Catalogue of every result code documented for pay, cancel, capture, inquiryPayment, vaulting, the payment
 * result codes of inquiryPayment/notifyPayment (reference 3.4, 4, 5, 6, 7, 10) and refund/inquiryRefund
 * (antom-refunds.md 2, 5), each with its documented status and what to do about it. A code Antom sends that is
 * not listed here reads as {@link #UNKNOWN_RESULT_CODE}.
 *
 * <p>One enum serves all APIs: where a code's advice differs between APIs, the more conservative one is kept.
 * The status that counts for a response is the one Antom sends; the documented status here is informational.
 */
public enum ResultCode {
    // success and in process
    SUCCESS(ResultStatus.S, Action.NONE, "success"),
    PAYMENT_IN_PROCESS(ResultStatus.U, Action.AWAIT_RESULT, "payment in process; redirect the buyer if a URL came back"),
    CAPTURE_IN_PROCESS(ResultStatus.U, Action.AWAIT_RESULT, "capture in process; wait for notifyCapture or inquire"),
    VERIFICATION_IN_PROCESS(ResultStatus.U, Action.AWAIT_RESULT, "vaulting verification (3DS) in process"),
    REFUND_IN_PROCESS(ResultStatus.U, Action.AWAIT_RESULT,
            "refund accepted, in process; wait for notifyRefund or inquireRefund, do not re-send"),
    // unknown
    UNKNOWN_EXCEPTION(ResultStatus.U, Action.RETRY_SAME_ID, "unknown failure; call again (same id), then support"),
    REQUEST_TRAFFIC_EXCEED_LIMIT(ResultStatus.U, Action.RETRY_SAME_ID, "rate-limited; back off, call again (same id)"),
    // merchant, contract and configuration
    ACCESS_DENIED(ResultStatus.F, Action.CONTACT_SUPPORT, "access denied"),
    CLIENT_INVALID(ResultStatus.F, Action.FIX_CONFIGURATION, "bad client id"),
    INVALID_API(ResultStatus.F, Action.FIX_CONFIGURATION, "API not valid for this client"),
    NO_INTERFACE_DEF(ResultStatus.F, Action.FIX_CONFIGURATION, "API not defined; check the URL"),
    KEY_NOT_FOUND(ResultStatus.F, Action.FIX_CONFIGURATION, "key not found; upload or check keys"),
    INVALID_SIGNATURE(ResultStatus.F, Action.FIX_CONFIGURATION, "Antom could not verify our request signature"),
    SIGNATURE_INVALID(ResultStatus.F, Action.FIX_CONFIGURATION, "the doc sample's spelling of INVALID_SIGNATURE"),
    INVALID_CONTRACT(ResultStatus.F, Action.FIX_CONFIGURATION, "contract parameters mismatch"),
    INVALID_MERCHANT_STATUS(ResultStatus.F, Action.CONTACT_SUPPORT, "merchant restricted"),
    MERCHANT_KYB_NOT_QUALIFIED(ResultStatus.F, Action.CONTACT_SUPPORT, "merchant KYB not qualified"),
    MERCHANT_NOT_REGISTERED(ResultStatus.F, Action.FIX_CONFIGURATION, "merchant not registered"),
    MERCHANT_BALANCE_NOT_ENOUGH(ResultStatus.F, Action.CONTACT_SUPPORT, "merchant balance not enough"),
    SETTLE_CONTRACT_NOT_MATCH(ResultStatus.F, Action.FIX_CONFIGURATION, "no settlement contract for the currency"),
    NO_PAY_OPTIONS(ResultStatus.F, Action.CONTACT_SUPPORT, "no payment option"),
    PAYMENT_NOT_QUALIFIED(ResultStatus.F, Action.CONTACT_SUPPORT, "merchant not qualified"),
    PAYMENT_COUNT_EXCEED_LIMIT(ResultStatus.F, Action.CONTACT_SUPPORT, "too many payments or captures"),
    CURRENCY_NOT_SUPPORT(ResultStatus.F, Action.CONTACT_SUPPORT, "currency not supported (capture: check currency)"),
    PAYMENT_METHOD_NOT_SUPPORTED(ResultStatus.F, Action.DO_NOT_RETRY, "payment method does not support this"),
    INVALID_AMOUNT(ResultStatus.F, Action.CONTACT_SUPPORT, "issuer declined over the amount"),
    // request problems
    PARAM_ILLEGAL(ResultStatus.F, Action.FIX_REQUEST, "missing or illegal parameter"),
    INVALID_PAYMENT_METHOD_META_DATA(ResultStatus.F, Action.FIX_REQUEST, "paymentMethodMetaData invalid"),
    REPEAT_REQ_INCONSISTENT(ResultStatus.F, Action.FIX_REQUEST, "same request id with different key fields"),
    PAYMENT_AMOUNT_EXCEED_LIMIT(ResultStatus.F, Action.FIX_REQUEST, "over the contract or method limit"),
    CAPTURE_AMOUNT_EXCEED_AUTH_LIMIT(ResultStatus.F, Action.FIX_REQUEST, "total capture above the authorized amount"),
    INVALID_ACCESS_TOKEN(ResultStatus.F, Action.FIX_REQUEST, "access token expired or revoked"),
    ORDER_NOT_EXIST(ResultStatus.F, Action.FIX_REQUEST, "no such payment (inquiry: the request never arrived)"),
    // state of the payment
    ORDER_IS_CANCELED(ResultStatus.F, Action.NEW_REQUEST_ID, "the request id belongs to a cancelled payment"),
    ORDER_IS_CLOSED(ResultStatus.F, Action.NEW_REQUEST_ID, "the request id belongs to a closed payment"),
    ORDER_STATUS_INVALID(ResultStatus.F, Action.DO_NOT_RETRY, "the payment's status does not allow this"),
    AUTH_CANCELLED(ResultStatus.F, Action.NEW_REQUEST_ID, "the authorization was cancelled; pay again"),
    AUTH_EXPIRED(ResultStatus.F, Action.NEW_REQUEST_ID, "the authorization expired; pay again"),
    AUTH_NOT_FOUND(ResultStatus.F, Action.CONTACT_SUPPORT, "authorization not found"),
    MULTI_CAPTURE_NOT_SUPPORTED(ResultStatus.F, Action.DO_NOT_RETRY, "multiple captures not allowed"),
    CANCEL_WINDOW_EXCEED(ResultStatus.F, Action.REFUND_INSTEAD, "past the cancellable window; refund instead"),
    // refunds (antom-refunds.md 2)
    REFUND_AMOUNT_EXCEED(ResultStatus.F, Action.FIX_REQUEST, "total refunds would exceed the payment; smaller amount"),
    REFUND_WINDOW_EXCEED(ResultStatus.F, Action.CONTACT_SUPPORT, "past the refund period; manual handling"),
    MULTIPLE_REFUNDS_NOT_SUPPORTED(ResultStatus.F, Action.DO_NOT_RETRY, "the contract allows one refund only"),
    PARTIAL_REFUND_NOT_SUPPORTED(ResultStatus.F, Action.DO_NOT_RETRY,
            "refund in full, or refund the buyer offline"),
    REFUND_NOT_SUPPORTED(ResultStatus.F, Action.DO_NOT_RETRY, "method or contract does not allow refunds"),
    EXPIRED_CODE(ResultStatus.F, Action.NEW_REQUEST_ID, "payment code expired (wallet flows)"),
    // terminal failures
    PROCESS_FAIL(ResultStatus.F, Action.DO_NOT_RETRY, "general business failure; do not retry"),
    SYSTEM_ERROR(ResultStatus.F, Action.DO_NOT_RETRY, "system error; do not retry"),
    PAYMENT_PROHIBITED(ResultStatus.F, Action.DO_NOT_RETRY, "goods prohibited in the country"),
    // buyer, card and risk declines
    AUTHENTICATION_REQUIRED(ResultStatus.F, Action.RETRY_WITH_3DS, "3DS required; pay again with 3DS"),
    FRAUD_REJECT(ResultStatus.F, Action.DECLINED, "risk-control reject"),
    RISK_REJECT(ResultStatus.F, Action.DECLINED, "risk-control reject"),
    SUSPECTED_RISK(ResultStatus.F, Action.DECLINED, "suspected risk"),
    SUSPECTED_CARD(ResultStatus.F, Action.DECLINED, "suspected card"),
    INVALID_PAYMENT_CODE(ResultStatus.F, Action.DECLINED, "payment code not accepted"),
    USER_AMOUNT_EXCEED_LIMIT(ResultStatus.F, Action.DECLINED, "over the buyer's limit"),
    USER_BALANCE_NOT_ENOUGH(ResultStatus.F, Action.DECLINED, "insufficient funds"),
    USER_KYC_NOT_QUALIFIED(ResultStatus.F, Action.DECLINED, "buyer KYC"),
    USER_NOT_EXIST(ResultStatus.F, Action.DECLINED, "user missing"),
    USER_STATUS_ABNORMAL(ResultStatus.F, Action.DECLINED, "user abnormal"),
    USER_PAYMENT_VERIFICATION_FAILED(ResultStatus.F, Action.DECLINED, "OTP or PIN failed"),
    VERIFY_TIMES_EXCEED_LIMIT(ResultStatus.F, Action.DECLINED, "too many verification attempts"),
    VERIFY_UNMATCHED(ResultStatus.F, Action.DECLINED, "bad verification code"),
    SELECTED_CARD_BRAND_NOT_AVAILABLE(ResultStatus.F, Action.DECLINED, "chosen card brand not available"),
    INVALID_EXPIRATION_DATE(ResultStatus.F, Action.DECLINED, "expiry invalid"),
    INVALID_EXPIRY_DATE_FORMAT(ResultStatus.F, Action.DECLINED, "expiry format invalid"),
    INVALID_CARD_NUMBER(ResultStatus.F, Action.DECLINED, "card number invalid"),
    INVALID_CARD(ResultStatus.F, Action.DECLINED, "card invalid"),
    INVALID_CVV(ResultStatus.F, Action.DECLINED, "CVV invalid"),
    CARD_NOT_SUPPORTED(ResultStatus.F, Action.DECLINED, "card not supported"),
    CARD_EXPIRED(ResultStatus.F, Action.DECLINED, "card expired"),
    DO_NOT_HONOR(ResultStatus.F, Action.DECLINED, "issuer declined"),
    ISSUER_REJECTS_TRANSACTION(ResultStatus.F, Action.DECLINED, "issuer rejects the transaction"),
    ACCOUNT_CLOSED(ResultStatus.F, Action.DECLINED, "card account closed"),
    BLOCKED_FIRST_USED(ResultStatus.F, Action.DECLINED, "card blocked on first use"),
    LOST_CARD(ResultStatus.F, Action.DECLINED, "lost card"),
    STOLEN_CARD(ResultStatus.F, Action.DECLINED, "stolen card"),
    PICKUP_CARD(ResultStatus.F, Action.DECLINED, "pick up card"),
    RESTRICTED_CARD(ResultStatus.F, Action.DECLINED, "restricted card"),
    NO_SELECTED_ACCOUNT(ResultStatus.F, Action.DECLINED, "no selected account"),
    POLICY(ResultStatus.F, Action.DECLINED, "declined by policy"),
    /** A code this catalogue does not know; the response's own resultStatus decides. */
    UNKNOWN_RESULT_CODE(null, Action.INQUIRE, "code not in the catalogue");

    private static final Map<String, ResultCode> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Enum::name, Function.identity()));

    private final ResultStatus documentedStatus;
    private final Action action;
    private final String meaning;

    ResultCode(ResultStatus documentedStatus, Action action, String meaning) {
        this.documentedStatus = documentedStatus;
        this.action = action;
        this.meaning = meaning;
    }

    /** The catalogue entry for Antom's raw code; {@link #UNKNOWN_RESULT_CODE} for null, blank or unlisted codes. */
    public static ResultCode of(String rawCode) {
        if (rawCode == null) {
            return UNKNOWN_RESULT_CODE;
        }
        return BY_NAME.getOrDefault(rawCode.strip(), UNKNOWN_RESULT_CODE);
    }

    /** The status Antom documents for this code; empty for {@link #UNKNOWN_RESULT_CODE}. */
    public Optional<ResultStatus> documentedStatus() {
        return Optional.ofNullable(documentedStatus);
    }

    public Action action() {
        return action;
    }

    public String meaning() {
        return meaning;
    }

    /** What the caller should do about a result code (the documented "further action", reduced to a decision). */
    public enum Action {
        /** Nothing: it succeeded. */
        NONE,
        /** In process: wait for the notification or inquire; redirect the buyer if a URL came back. */
        AWAIT_RESULT,
        /** Outcome unknown: call again with the same request id (idempotent), then contact support. */
        RETRY_SAME_ID,
        /** Outcome unknown: inquire before deciding anything. */
        INQUIRE,
        /** Finally failed for this request id; a new attempt needs a new request id. */
        NEW_REQUEST_ID,
        /** Our request is wrong; retrying it unchanged fails again. */
        FIX_REQUEST,
        /** Our client id, keys or URL are wrong. */
        FIX_CONFIGURATION,
        /** 3DS is required: pay again, with 3DS, under a new request id. */
        RETRY_WITH_3DS,
        /** Refused for this buyer or card; tell the buyer, who may try another card (new request id). */
        DECLINED,
        /** Cancel is no longer possible; refund instead. */
        REFUND_INSTEAD,
        /** Final; do not retry. */
        DO_NOT_RETRY,
        /** Needs Antom support. */
        CONTACT_SUPPORT
    }
}
