package io.holdfast.alipay.client.notification;

/** Whether an inbound notification is authentic; only a {@link Verified} body may be parsed and trusted. */
public sealed interface NotificationVerification {

    /** The signature verified over the raw body, the path and the headers. */
    record Verified(String clientId, String requestTime) implements NotificationVerification {
    }

    /** Not authentic or not checkable; answer with a non-success so Antom resends, and never process the body. */
    record Rejected(RejectionReason reason) implements NotificationVerification {
    }

    /** Why a notification was rejected. */
    enum RejectionReason {
        /** No {@code client-id} header. */
        MISSING_CLIENT_ID,
        /** The {@code client-id} header is not our client id. */
        CLIENT_ID_MISMATCH,
        /** No {@code request-time} header. */
        MISSING_REQUEST_TIME,
        /** No {@code signature} header. */
        MISSING_SIGNATURE,
        /** The {@code signature} header could not be parsed. */
        MALFORMED_SIGNATURE,
        /** The header names an algorithm other than RSA256. */
        UNSUPPORTED_ALGORITHM,
        /** The header names a keyVersion our key ring does not hold. */
        UNKNOWN_KEY_VERSION,
        /** The signature does not verify. */
        SIGNATURE_MISMATCH
    }
}
