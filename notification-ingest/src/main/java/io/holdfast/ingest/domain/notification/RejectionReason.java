package io.holdfast.ingest.domain.notification;

/** Why a notification was not accepted; each is answered with a 4xx, logged and counted under its tag. */
public enum RejectionReason {
    /** No {@code client-id} header. */
    MISSING_CLIENT_ID(401),
    /** The {@code client-id} is not our Antom client id. */
    CLIENT_ID_MISMATCH(401),
    /** No {@code request-time} header. */
    MISSING_REQUEST_TIME(401),
    /** No {@code signature} header. */
    MISSING_SIGNATURE(401),
    /** The {@code signature} header could not be parsed. */
    MALFORMED_SIGNATURE(401),
    /** The signature names an algorithm other than RSA256. */
    UNSUPPORTED_ALGORITHM(401),
    /** The signature names a keyVersion our key ring does not hold. */
    UNKNOWN_KEY_VERSION(401),
    /** The signature does not verify over the raw body, path and headers. */
    SIGNATURE_MISMATCH(401),
    /** Authentic, but not JSON or missing a required field (named in the detail). */
    MALFORMED_BODY(400),
    /** Authentic, but a notifyType this endpoint does not take (e.g. CAPTURE_RESULT sent to the payment URL). */
    UNEXPECTED_NOTIFY_TYPE(400),
    /** Larger than the configured request size limit. */
    TOO_LARGE(413);

    private final int httpStatus;

    RejectionReason(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The tag value used in metrics and in the answer's resultCode. */
    public String tag() {
        return name();
    }
}
