package io.holdfast.capture.domain;

import java.time.Instant;

/** What Antom said about a refund, from the refund call, inquiryRefund or notifyRefund. */
public sealed interface RefundResult {

    /** Final: the refund succeeded. */
    record Succeeded(String refundId, Instant refundedAt) implements RefundResult {
    }

    /** Final: refused or failed; nothing was given back. */
    record Failed(String code, String message, RefundAdvice advice) implements RefundResult {
    }

    /** Accepted, not final (REFUND_IN_PROCESS, or inquiryRefund PROCESSING). */
    record InProcess(String refundId) implements RefundResult {
    }

    /** inquiryRefund: Antom has no such refund (the request never arrived): send it, same refundRequestId. */
    record NotFound(String detail) implements RefundResult {
    }

    /** No usable answer (timeout, U, unverifiable, not sent): ask again later. */
    record Unknown(String detail) implements RefundResult {
    }
}
