package io.holdfast.alipay.sandbox.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deterministic scenario triggers of a pay request, usable with raw cards and card tokens alike. A marker is
 * looked for in {@code order.referenceOrderId} and {@code order.orderDescription}; amount triggers look at
 * {@code paymentAmount.value}. See the README for the table.
 *
 * @param decline the decline to answer (null: none)
 * @param challenge start a 3DS challenge
 * @param answerUnknown apply the payment but answer the first pay call with U/UNKNOWN_EXCEPTION
 * @param asyncCapture captures of the payment answer U/CAPTURE_IN_PROCESS and complete later
 */
record Triggers(DeclineCode decline, boolean challenge, boolean answerUnknown, boolean asyncCapture) {

    static final String DECLINE_MARKER = "SANDBOX_DECLINE_";
    static final String THREE_DS_MARKER = "SANDBOX_3DS";
    static final String UNKNOWN_MARKER = "SANDBOX_UNKNOWN";
    static final String ASYNC_CAPTURE_MARKER = "SANDBOX_ASYNC_CAPTURE";
    /** paymentAmount.value "11": Antom's documented risk-control test trigger. */
    static final long RISK_AMOUNT = 11;
    static final long THREE_DS_AMOUNT = 900_090;
    static final long UNKNOWN_AMOUNT = 900_091;
    static final long ASYNC_CAPTURE_AMOUNT = 900_092;

    private static final Pattern DECLINE = Pattern.compile(DECLINE_MARKER + "([A-Z_]+)");

    static Triggers of(String referenceOrderId, String orderDescription, Amount amount) {
        String text = referenceOrderId + " " + (orderDescription == null ? "" : orderDescription);
        DeclineCode decline = null;
        Matcher matcher = DECLINE.matcher(text);
        if (matcher.find()) {
            decline = DeclineCode.longestPrefixOf(matcher.group(1));
            if (decline == null) {
                throw new ParamIllegalException("order.referenceOrderId names an unknown sandbox decline code "
                        + matcher.group(1));
            }
        }
        if (decline == null && amount.value() == RISK_AMOUNT) {
            decline = DeclineCode.RISK_REJECT;
        }
        if (decline == null) {
            decline = DeclineCode.forTriggerAmount(amount.value());
        }
        boolean challenge = text.contains(THREE_DS_MARKER) || amount.value() == THREE_DS_AMOUNT;
        boolean unknown = text.contains(UNKNOWN_MARKER) || amount.value() == UNKNOWN_AMOUNT;
        boolean asyncCapture = text.contains(ASYNC_CAPTURE_MARKER) || amount.value() == ASYNC_CAPTURE_AMOUNT;
        return new Triggers(decline, challenge, unknown, asyncCapture);
    }
}
