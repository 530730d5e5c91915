package io.holdfast.alipay.sandbox.core;

import java.time.Instant;

/**
 * A payment as the sandbox holds it. Mutable, and only ever touched while holding the engine's lock.
 */
public final class Payment {

    private final PaymentRequest request;
    private final String paymentId;
    private final Instant createTime;
    private PaymentState state;
    private ApiResult result;
    private DeclineCode declineAfterChallenge;
    private boolean challenged;
    private Instant paymentTime;
    private Instant authExpiryTime;
    private String networkTransactionId;
    private String issuedToken;
    private CaptureRecord capture;
    private boolean asyncCapture;
    private Instant captureDueAt;
    private Instant cancelTime;
    private String cancelTransactionId;
    private Instant voidTime;
    private final java.util.List<RefundRecord> refunds = new java.util.ArrayList<>();
    private String voidTransactionId;

    Payment(PaymentRequest request, String paymentId, Instant createTime) {
        this.request = request;
        this.paymentId = paymentId;
        this.createTime = createTime;
    }

    public PaymentRequest request() {
        return request;
    }

    public String clientId() {
        return request.clientId();
    }

    public String paymentRequestId() {
        return request.paymentRequestId();
    }

    public Amount amount() {
        return request.amount();
    }

    public String paymentId() {
        return paymentId;
    }

    public Instant createTime() {
        return createTime;
    }

    public PaymentState state() {
        return state;
    }

    public ApiResult result() {
        return result;
    }

    public boolean challenged() {
        return challenged;
    }

    public DeclineCode declineAfterChallenge() {
        return declineAfterChallenge;
    }

    public Instant paymentTime() {
        return paymentTime;
    }

    public Instant authExpiryTime() {
        return authExpiryTime;
    }

    public String networkTransactionId() {
        return networkTransactionId;
    }

    public String issuedToken() {
        return issuedToken;
    }

    public CaptureRecord capture() {
        return capture;
    }

    /** True when this payment's captures answer CAPTURE_IN_PROCESS and complete later (a sandbox trigger). */
    public boolean asyncCapture() {
        return asyncCapture;
    }

    /** When the capture in process completes on its own; null unless {@link PaymentState#CAPTURING}. */
    public Instant captureDueAt() {
        return captureDueAt;
    }

    public Instant cancelTime() {
        return cancelTime;
    }

    public String cancelTransactionId() {
        return cancelTransactionId;
    }

    public Instant voidTime() {
        return voidTime;
    }

    public String voidTransactionId() {
        return voidTransactionId;
    }

    /** Every accepted refund, in acceptance order. */
    public java.util.List<RefundRecord> refunds() {
        return java.util.Collections.unmodifiableList(refunds);
    }

    /** What may still be refunded: the captured amount minus refunds processing or succeeded; 0 if not captured. */
    public long refundable() {
        if (capture == null || state != PaymentState.CAPTURED) {
            return 0;
        }
        long held = refunds.stream().filter(RefundRecord::holdsFunds).mapToLong(r -> r.amount().value()).sum();
        return capture.amount().value() - held;
    }

    void addRefund(RefundRecord refund) {
        refunds.add(refund);
    }

    void startChallenge(DeclineCode decline) {
        state = PaymentState.PROCESSING;
        result = ApiResult.PAYMENT_IN_PROCESS;
        challenged = true;
        declineAfterChallenge = decline;
    }

    void authorize(Instant at, Instant expiry, String networkTxId, String token) {
        state = PaymentState.AUTHORIZED;
        result = ApiResult.SUCCESS;
        paymentTime = at;
        authExpiryTime = expiry;
        networkTransactionId = networkTxId;
        issuedToken = token;
    }

    void fail(ApiResult failure) {
        state = PaymentState.FAILED;
        result = failure;
    }

    void captured(CaptureRecord record) {
        state = PaymentState.CAPTURED;
        capture = record;
        captureDueAt = null;
    }

    void captureAsynchronously() {
        asyncCapture = true;
    }

    void capturePending(CaptureRecord record, Instant due) {
        state = PaymentState.CAPTURING;
        capture = record;
        captureDueAt = due;
    }

    void cancel(Instant at, String transactionId) {
        state = PaymentState.CANCELLED;
        cancelTime = at;
        cancelTransactionId = transactionId;
    }

    void expire(Instant at, String transactionId) {
        state = PaymentState.EXPIRED;
        voidTime = at;
        voidTransactionId = transactionId;
    }
}
