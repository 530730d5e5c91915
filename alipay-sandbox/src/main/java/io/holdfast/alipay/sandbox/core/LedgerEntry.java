package io.holdfast.alipay.sandbox.core;

import java.time.Instant;

/**
 * One applied operation, for audits: what happened, to which payment, for how much, with which result.
 *
 * @param sequence 1-based order of application
 * @param at the sandbox clock's time
 * @param clientId the merchant client
 * @param operation what was done
 * @param paymentRequestId merchant's payment id, when known
 * @param paymentId Antom's payment id, when known
 * @param requestId the operation's own request id (captureRequestId, vaultingRequestId), when any
 * @param resultId the id the operation produced (captureId, cardToken, transaction id), when any
 * @param amount the amount moved or asked for, when any
 * @param result the result answered (or, for sandbox-initiated operations, reached)
 * @param replay true when an idempotent repeat was answered from existing state without changing it
 */
public record LedgerEntry(
        long sequence,
        Instant at,
        String clientId,
        LedgerOperation operation,
        String paymentRequestId,
        String paymentId,
        String requestId,
        String resultId,
        Amount amount,
        ApiResult result,
        boolean replay) {
}
