package io.holdfast.ingest.adapter.alipay;

import io.holdfast.alipay.client.AlipayJson;
import io.holdfast.alipay.client.notification.NotificationHeaders;
import io.holdfast.alipay.client.notification.NotificationVerification;
import io.holdfast.alipay.client.notification.NotificationVerifier;
import io.holdfast.ingest.application.NotificationReader;
import io.holdfast.ingest.domain.notification.InboundNotification;
import io.holdfast.ingest.domain.notification.NotificationId;
import io.holdfast.ingest.domain.notification.NotificationPayload;
import io.holdfast.ingest.domain.notification.NotificationReading;
import io.holdfast.ingest.domain.notification.RejectionReason;
import io.holdfast.ingest.domain.notification.VerifiedNotification;
import java.time.Instant;
import tools.jackson.core.JacksonException;

/**
 * Verifies a notification with alipay-client's {@link NotificationVerifier} (client id, then RSA-SHA256 over
 * {@code POST <path>\n<client-id>.<request-time>.<raw body>} with the key its keyVersion names), and only then parses
 * the body. No freshness window on {@code request-time}: see the module README ("Replay").
 */
public final class AntomNotificationReader implements NotificationReader {

    private final NotificationVerifier verifier;
    private final NotificationParser parser = new NotificationParser();

    public AntomNotificationReader(NotificationVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public NotificationReading read(InboundNotification inbound, Instant receivedAt) {
        NotificationVerification verification = verifier.verify(inbound.signedPath(),
                new NotificationHeaders(inbound.clientId(), inbound.requestTime(), inbound.signature()),
                inbound.rawBody());
        if (verification instanceof NotificationVerification.Rejected rejected) {
            return new NotificationReading.Refused(reason(rejected.reason()), "signature check: " + rejected.reason());
        }
        if (verification instanceof NotificationVerification.Verified verified) {
            return parse(inbound, verified, receivedAt);
        }
        throw new IllegalStateException("unhandled " + verification);
    }

    private NotificationReading parse(InboundNotification inbound, NotificationVerification.Verified verified,
            Instant receivedAt) {
        NotificationPayload payload;
        try {
            payload = parser.parse(inbound.kind(), AlipayJson.mapper().readTree(inbound.rawBody()));
        } catch (NotificationParser.Unacceptable e) {
            return new NotificationReading.Refused(e.reason(), e.getMessage());
        } catch (JacksonException e) {
            return new NotificationReading.Refused(RejectionReason.MALFORMED_BODY, "body is not JSON");
        }
        return new NotificationReading.Accepted(new VerifiedNotification(NotificationId.ofRawBody(inbound.rawBody()),
                inbound.kind(), receivedAt, verified.clientId(), verified.requestTime(), payload));
    }

    private static RejectionReason reason(NotificationVerification.RejectionReason reason) {
        return switch (reason) {
            case MISSING_CLIENT_ID -> RejectionReason.MISSING_CLIENT_ID;
            case CLIENT_ID_MISMATCH -> RejectionReason.CLIENT_ID_MISMATCH;
            case MISSING_REQUEST_TIME -> RejectionReason.MISSING_REQUEST_TIME;
            case MISSING_SIGNATURE -> RejectionReason.MISSING_SIGNATURE;
            case MALFORMED_SIGNATURE -> RejectionReason.MALFORMED_SIGNATURE;
            case UNSUPPORTED_ALGORITHM -> RejectionReason.UNSUPPORTED_ALGORITHM;
            case UNKNOWN_KEY_VERSION -> RejectionReason.UNKNOWN_KEY_VERSION;
            case SIGNATURE_MISMATCH -> RejectionReason.SIGNATURE_MISMATCH;
        };
    }
}
