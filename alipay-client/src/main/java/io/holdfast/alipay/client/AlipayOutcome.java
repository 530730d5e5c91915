package io.holdfast.alipay.client;

import io.holdfast.alipay.client.model.RedirectUrls;

/**
 * The one classification of every Antom call. Switch over it exhaustively:
 * <ul>
 *   <li>{@link Succeeded}: Antom answered S;</li>
 *   <li>{@link Failed}: the call reached Antom and Antom answered F (a decline or an error);</li>
 *   <li>{@link InProcess}: Antom answered U with an in-process code; wait for the notification or inquire;</li>
 *   <li>{@link Unknown}: the request may or may not have been processed; never a decline: retry with the same
 *       request id or inquire;</li>
 *   <li>{@link NotSent}: known not to have reached Antom; safe to retry.</li>
 * </ul>
 *
 * @param <R> the response type
 */
public sealed interface AlipayOutcome<R> {

    /** Antom answered resultStatus S. */
    record Succeeded<R>(R response) implements AlipayOutcome<R> {
    }

    /**
     * The call reached Antom and it answered F (or, for pay, PAYMENT_IN_PROCESS without any redirect URL, which
     * Antom documents as "creation failed").
     *
     * @param code the catalogue entry ({@link ResultCode#UNKNOWN_RESULT_CODE} for unlisted codes)
     * @param rawCode the code exactly as Antom sent it
     * @param message Antom's resultMessage
     * @param response the parsed response
     */
    record Failed<R>(ResultCode code, String rawCode, String message, R response) implements AlipayOutcome<R> {

        /**
         * What to do next: the code's documented action, except that a pay answered PAYMENT_IN_PROCESS without any
         * redirect URL is, per Antom (reference 3.3), a payment that was not created: pay again with a new id.
         */
        public ResultCode.Action action() {
            return code == ResultCode.PAYMENT_IN_PROCESS ? ResultCode.Action.NEW_REQUEST_ID : code.action();
        }
    }

    /**
     * Antom answered U with PAYMENT_IN_PROCESS, CAPTURE_IN_PROCESS, VERIFICATION_IN_PROCESS or REFUND_IN_PROCESS
     * (the code is in the response's {@code result}).
     *
     * @param redirect where to send the buyer (3DS); {@link RedirectUrls#NONE} when Antom returned none
     */
    record InProcess<R>(R response, RedirectUrls redirect) implements AlipayOutcome<R> {
    }

    /** The request may or may not have been processed. */
    record Unknown<R>(UnknownReason reason, String detail) implements AlipayOutcome<R> {
    }

    /** Known not to have reached Antom; safe to retry with the same request id. */
    record NotSent<R>(NotSentReason reason, String detail) implements AlipayOutcome<R> {
    }
}
