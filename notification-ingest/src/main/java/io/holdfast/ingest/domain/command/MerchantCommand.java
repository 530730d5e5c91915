package io.holdfast.ingest.domain.command;

import java.time.Instant;

/**
 * A validated, authorized command ready to publish on {@code payments.commands} (key paymentRequestId).
 *
 * @param commandId the command's idempotency key downstream; the same for every replay of one request
 * @param merchantId the authenticated merchant
 */
public record MerchantCommand(String commandId, String paymentRequestId, String merchantId, Instant issuedAt,
        CommandPayload payload) {
}
