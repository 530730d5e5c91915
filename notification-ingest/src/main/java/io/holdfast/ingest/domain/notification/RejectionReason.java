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
    /** Authentic, but a JSON key appears twice in one object (which value counts would be a guess). */
    DUPLICATE_KEY(400),
    /** Authentic, but a field is longer than Antom's limit for it (reference 9), e.g. a paymentRequestId over 64. */
    FIELD_TOO_LONG(400),
    /** Authentic, but a value outside its field's values: resultStatus not S/F/U, control characters in an id, ... */
    INVALID_VALUE(400),
    /** Authentic, but a currency that is not an ISO 4217 code. */
    INVALID_CURRENCY(400),
    /** Authentic, but an amount that is not a whole number of minor units of at most 16 digits. */
    INVALID_AMOUNT(400),
    /** Authentic, but a date-time that is not ISO 8601 with an offset. */
    INVALID_TIME(400),
    /** Authentic, but carrying a card number or security code outside a masked field: refused, never stored. */
    CARD_DATA(400),
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
