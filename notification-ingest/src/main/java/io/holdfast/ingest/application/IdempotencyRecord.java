package io.holdfast.ingest.application;

import java.time.Instant;

/**
 * A final answer to a merchant request, shared by every edge replica through the {@link IdempotencyLog}.
 *
 * @param commandId the scope's commandId: (merchant, operation, paymentRequestId, Idempotency-Key)
 * @param fingerprint keyed hash of the request content (see {@link RequestFingerprint})
 * @param result the answer replayed to identical retries (202 or 422); carries a card token, never card data
 * @param recordedAt when it was recorded; it expires {@code idempotency.ttl} later on every replica
 */
public record IdempotencyRecord(String commandId, String fingerprint, CommandResult result, Instant recordedAt) {
}
