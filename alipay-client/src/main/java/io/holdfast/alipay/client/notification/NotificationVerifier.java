package io.holdfast.alipay.client.notification;

import io.holdfast.alipay.client.notification.NotificationVerification.Rejected;
import io.holdfast.alipay.client.notification.NotificationVerification.RejectionReason;
import io.holdfast.alipay.client.notification.NotificationVerification.Verified;
import io.holdfast.alipay.client.signing.KeyRing;
import io.holdfast.alipay.client.signing.SignatureCheck;
import io.holdfast.alipay.client.signing.SignedContent;

/**
 * Verifies inbound Antom notifications (reference 1.5): the {@code client-id} header must be our client id, and
 * the signature must verify, with the key its {@code keyVersion} names, over
 * {@code POST <our endpoint path>\n<client-id>.<request-time>.<raw body bytes>}.
 *
 * <p>The body is taken as the raw bytes received, never re-serialized JSON; {@code request-time} is opaque (Antom
 * has used both epoch millis and ISO-8601). Freshness and replay checks are the caller's (they need a clock and a
 * store).
 */
public final class NotificationVerifier {

    private final String clientId;
    private final KeyRing alipayKeys;

    public NotificationVerifier(String clientId, KeyRing alipayKeys) {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("clientId is required");
        }
        this.clientId = clientId;
        this.alipayKeys = alipayKeys;
    }

    /**
     * @param path our endpoint path as Antom called it, without scheme and host, with the query string if any
     *     (e.g. {@code /antom/notify})
     * @param rawBody the body exactly as received
     */
    public NotificationVerification verify(String path, NotificationHeaders headers, byte[] rawBody) {
        if (isBlank(headers.clientId())) {
            return new Rejected(RejectionReason.MISSING_CLIENT_ID);
        }
        if (!clientId.equals(headers.clientId().strip())) {
            return new Rejected(RejectionReason.CLIENT_ID_MISMATCH);
        }
        if (isBlank(headers.requestTime())) {
            return new Rejected(RejectionReason.MISSING_REQUEST_TIME);
        }
        byte[] content = SignedContent.ofPost(path, clientId, headers.requestTime(), rawBody);
        SignatureCheck check = alipayKeys.check(content, headers.signature());
        return switch (check) {
            case VALID -> new Verified(clientId, headers.requestTime());
            case MISSING -> new Rejected(RejectionReason.MISSING_SIGNATURE);
            case MALFORMED -> new Rejected(RejectionReason.MALFORMED_SIGNATURE);
            case UNSUPPORTED_ALGORITHM -> new Rejected(RejectionReason.UNSUPPORTED_ALGORITHM);
            case UNKNOWN_KEY_VERSION -> new Rejected(RejectionReason.UNKNOWN_KEY_VERSION);
            case MISMATCH -> new Rejected(RejectionReason.SIGNATURE_MISMATCH);
        };
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
