package io.holdfast.alipay.sandbox.core;

/**
 * Every final F code a card authorization can end with in the sandbox (reference sections 3.4, 6 and 10). Each
 * can be forced with a {@code SANDBOX_DECLINE_<CODE>} marker or with the amount trigger {@link #triggerAmount()}.
 */
public enum DeclineCode {
    DO_NOT_HONOR("issuer declined the transaction"),
    RISK_REJECT("the payment was rejected by risk control"),
    FRAUD_REJECT("the payment was rejected as suspected fraud"),
    INVALID_CARD_NUMBER("the card number is invalid"),
    INVALID_EXPIRATION_DATE("the expiry date is invalid"),
    CARD_NOT_SUPPORTED("the card is not supported"),
    INVALID_AMOUNT("the issuer declined the amount"),
    USER_BALANCE_NOT_ENOUGH("insufficient funds"),
    USER_AMOUNT_EXCEED_LIMIT("the amount exceeds the buyer's limit"),
    PAYMENT_AMOUNT_EXCEED_LIMIT("the amount exceeds the payment method limit"),
    PAYMENT_COUNT_EXCEED_LIMIT("too many payments"),
    AUTHENTICATION_REQUIRED("3D Secure authentication is required"),
    SELECTED_CARD_BRAND_NOT_AVAILABLE("the selected card brand is not available"),
    PAYMENT_PROHIBITED("the goods are prohibited in this country"),
    CURRENCY_NOT_SUPPORT("the currency is not supported"),
    PAYMENT_NOT_QUALIFIED("the merchant is not qualified for this payment"),
    USER_PAYMENT_VERIFICATION_FAILED("the buyer failed verification"),
    USER_STATUS_ABNORMAL("the buyer's status is abnormal"),
    INVALID_MERCHANT_STATUS("the merchant is restricted"),
    INVALID_PAYMENT_METHOD_META_DATA("the payment method metadata is invalid"),
    NO_PAY_OPTIONS("no payment option is available"),
    ACCESS_DENIED("access denied"),
    SETTLE_CONTRACT_NOT_MATCH("no settlement contract matches the settlement currency"),
    PROCESS_FAIL("general business failure"),
    SYSTEM_ERROR("system error"),
    INVALID_CARD("the card is invalid"),
    INVALID_EXPIRY_DATE_FORMAT("the expiry date format is invalid"),
    ISSUER_REJECTS_TRANSACTION("the issuer rejected the transaction"),
    SUSPECTED_CARD("the card is suspected"),
    SUSPECTED_RISK("the payment is suspected risk"),
    CARD_EXPIRED("the card has expired"),
    INVALID_CVV("the CVV is invalid"),
    LOST_CARD("the card was reported lost"),
    STOLEN_CARD("the card was reported stolen"),
    PICKUP_CARD("the issuer asks to pick up the card"),
    RESTRICTED_CARD("the card is restricted"),
    ACCOUNT_CLOSED("the card account is closed"),
    BLOCKED_FIRST_USED("the card is blocked on first use"),
    NO_SELECTED_ACCOUNT("no account was selected"),
    POLICY("declined by policy");

    /** Amount values {@code 900001} .. {@code 9000NN} force the code at ordinal {@code NN - 1}. */
    public static final long TRIGGER_AMOUNT_BASE = 900_000L;

    private final String message;

    DeclineCode(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }

    public ApiResult result() {
        return ApiResult.failed(name(), message);
    }

    public long triggerAmount() {
        return TRIGGER_AMOUNT_BASE + ordinal() + 1;
    }

    /** The code forced by a trigger amount, or null. */
    public static DeclineCode forTriggerAmount(long value) {
        long index = value - TRIGGER_AMOUNT_BASE - 1;
        DeclineCode[] all = values();
        return index >= 0 && index < all.length ? all[(int) index] : null;
    }

    /**
     * The code named by the text after a {@code SANDBOX_DECLINE_} marker: the longest code the text starts with
     * (so {@code DO_NOT_HONOR_42} names DO_NOT_HONOR), or null.
     */
    public static DeclineCode longestPrefixOf(String text) {
        DeclineCode best = null;
        for (DeclineCode candidate : values()) {
            if (text.startsWith(candidate.name())
                    && (best == null || candidate.name().length() > best.name().length())) {
                best = candidate;
            }
        }
        return best;
    }
}
