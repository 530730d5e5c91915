package io.holdfast.alipay.client;

/** The Antom card-flow APIs this client calls, with their production paths (reference 1.1, refunds 1 and 5). */
public enum AlipayOperation {
    CONSULT("/ams/api/v1/payments/consult"),
    PAY("/ams/api/v1/payments/pay"),
    CANCEL("/ams/api/v1/payments/cancel"),
    CAPTURE("/ams/api/v1/payments/capture"),
    INQUIRY_PAYMENT("/ams/api/v1/payments/inquiryPayment"),
    /** Refund of a captured payment (antom-refunds.md 1). */
    REFUND("/ams/api/v1/payments/refund"),
    /** Status of one refund by refundRequestId or refundId (antom-refunds.md 5). */
    INQUIRY_REFUND("/ams/api/v1/payments/inquiryRefund"),
    VAULT_PAYMENT_METHOD("/ams/api/v1/vaults/vaultPaymentMethod");

    private static final String LIVE_PREFIX = "/ams/api";
    private static final String SANDBOX_PREFIX = "/ams/sandbox/api";
    private static final String SANDBOX_CLIENT_ID_PREFIX = "SANDBOX_";

    private final String path;

    AlipayOperation(String path) {
        this.path = path;
    }

    /** The production path, e.g. {@code /ams/api/v1/payments/pay}. */
    public String path() {
        return path;
    }

    /**
     * The path to call and sign for {@code clientId}: like the official SDKs, a client id starting with
     * {@code SANDBOX_} switches the first {@code /ams/api} to {@code /ams/sandbox/api}.
     */
    public String pathFor(String clientId) {
        if (!clientId.startsWith(SANDBOX_CLIENT_ID_PREFIX)) {
            return path;
        }
        int at = path.indexOf(LIVE_PREFIX);
        return path.substring(0, at) + SANDBOX_PREFIX + path.substring(at + LIVE_PREFIX.length());
    }
}
