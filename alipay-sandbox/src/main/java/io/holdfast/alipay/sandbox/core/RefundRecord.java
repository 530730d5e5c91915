package io.holdfast.alipay.sandbox.core;

import java.time.Instant;

/**
 * One accepted refund of a payment (antom-refunds.md 1, 4). Mutable: PROCESSING until the sandbox clock passes
 * {@link #dueAt()}, then SUCCESS or FAIL. Only touched while holding the engine's lock.
 */
public final class RefundRecord {

    /** {@code refundStatus} as inquiryRefund and notifyRefund report it. */
    public enum Status { PROCESSING, SUCCESS, FAIL }

    private final String clientId;
    private final String refundRequestId;
    private final String refundId;
    private final String paymentId;
    private final Amount amount;
    private final String notifyUrl;
    private final String metadata;
    private final Instant acceptedAt;
    private final Instant dueAt;
    /** The failure the refund ends with (a sandbox trigger), null when it will succeed. */
    private final ApiResult failure;
    private Status status = Status.PROCESSING;
    private ApiResult result = ApiResult.REFUND_IN_PROCESS;
    private Instant finishedAt;

    RefundRecord(String clientId, String refundRequestId, String refundId, String paymentId, Amount amount,
            String notifyUrl, String metadata, Instant acceptedAt, Instant dueAt, ApiResult failure) {
        this.clientId = clientId;
        this.refundRequestId = refundRequestId;
        this.refundId = refundId;
        this.paymentId = paymentId;
        this.amount = amount;
        this.notifyUrl = notifyUrl;
        this.metadata = metadata;
        this.acceptedAt = acceptedAt;
        this.dueAt = dueAt;
        this.failure = failure;
    }

    public String clientId() {
        return clientId;
    }

    public String refundRequestId() {
        return refundRequestId;
    }

    public String refundId() {
        return refundId;
    }

    public String paymentId() {
        return paymentId;
    }

    public Amount amount() {
        return amount;
    }

    public String notifyUrl() {
        return notifyUrl;
    }

    public String metadata() {
        return metadata;
    }

    public Instant acceptedAt() {
        return acceptedAt;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Status status() {
        return status;
    }

    /** REFUND_IN_PROCESS while processing, then SUCCESS or the failure. */
    public ApiResult result() {
        return result;
    }

    /** When the refund became final; null while processing. */
    public Instant finishedAt() {
        return finishedAt;
    }

    /** Counts against the refundable amount: processing or succeeded (antom-refunds.md 8). */
    boolean holdsFunds() {
        return status != Status.FAIL;
    }

    void finish(Instant at) {
        finishedAt = at;
        if (failure == null) {
            status = Status.SUCCESS;
            result = ApiResult.SUCCESS;
        } else {
            status = Status.FAIL;
            result = failure;
        }
    }
}
