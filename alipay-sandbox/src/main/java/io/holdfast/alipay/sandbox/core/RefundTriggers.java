package io.holdfast.alipay.sandbox.core;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refund failure triggers, written into {@code refundReason} (see the README): {@code SANDBOX_REFUND_REJECT_<CODE>}
 * refuses the refund at once with {@code F/<CODE>}; {@code SANDBOX_REFUND_FAIL_<CODE>} accepts it
 * ({@code U/REFUND_IN_PROCESS}) and makes it final as FAIL with {@code <CODE>} (notifyRefund FAIL). The longest
 * listed code the text starts with wins, so {@code SANDBOX_REFUND_FAIL_PROCESS_FAIL_order7} is PROCESS_FAIL.
 *
 * @param reject the code to refuse with at acceptance, or null
 * @param failLater the failure the accepted refund ends with, or null
 */
record RefundTriggers(ApiResult reject, ApiResult failLater) {

    static final String REJECT_MARKER = "SANDBOX_REFUND_REJECT_";
    static final String FAIL_MARKER = "SANDBOX_REFUND_FAIL_";
    /** The refund codes of antom-refunds.md 2 a trigger may name. */
    static final List<String> CODES = List.of("REFUND_AMOUNT_EXCEED", "REFUND_WINDOW_EXCEED", "ORDER_STATUS_INVALID",
            "ORDER_IS_CLOSED", "MULTIPLE_REFUNDS_NOT_SUPPORTED", "PARTIAL_REFUND_NOT_SUPPORTED", "REFUND_NOT_SUPPORTED",
            "PAYMENT_METHOD_NOT_SUPPORTED", "CURRENCY_NOT_SUPPORT", "MERCHANT_BALANCE_NOT_ENOUGH", "PROCESS_FAIL",
            "SYSTEM_ERROR", "ACCESS_DENIED", "INVALID_MERCHANT_STATUS");
    static final RefundTriggers NONE = new RefundTriggers(null, null);

    private static final Pattern REJECT = Pattern.compile(REJECT_MARKER + "([A-Z_]+)");
    private static final Pattern FAIL = Pattern.compile(FAIL_MARKER + "([A-Z_]+)");

    static RefundTriggers of(String refundReason) {
        if (refundReason == null) {
            return NONE;
        }
        return new RefundTriggers(code(REJECT.matcher(refundReason)), code(FAIL.matcher(refundReason)));
    }

    private static ApiResult code(Matcher matcher) {
        if (!matcher.find()) {
            return null;
        }
        String text = matcher.group(1);
        String code = CODES.stream().filter(text::startsWith).max(Comparator.comparingInt(String::length))
                .orElseThrow(() -> new ParamIllegalException("refundReason names an unknown sandbox refund code "
                        + text));
        return ApiResult.failed(code, "sandbox refund trigger " + code);
    }
}
