package io.holdfast.authorization.application;

/** Another writer moved the payment first (optimistic lock); the whole decision is retried on fresh state. */
public class ConcurrentUpdateException extends RuntimeException {

    public ConcurrentUpdateException(String paymentRequestId, long version) {
        super("payment " + paymentRequestId + " changed concurrently (expected version " + version + ")");
    }
}
