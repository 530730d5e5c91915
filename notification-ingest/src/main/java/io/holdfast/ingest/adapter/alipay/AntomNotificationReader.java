package io.holdfast.ingest.adapter.alipay;

import io.holdfast.alipay.client.model.AntomFields;
import io.holdfast.alipay.client.notification.NotificationHeaders;
import io.holdfast.alipay.client.notification.NotificationVerification;
import io.holdfast.alipay.client.notification.NotificationVerifier;
import io.holdfast.ingest.application.NotificationReader;
import io.holdfast.ingest.domain.notification.InboundNotification;
import io.holdfast.ingest.domain.notification.NotificationId;
import io.holdfast.ingest.domain.notification.NotificationKind;
import io.holdfast.ingest.domain.notification.NotificationPayload;
import io.holdfast.ingest.domain.notification.NotificationReading;
import io.holdfast.ingest.domain.notification.RejectionReason;
import io.holdfast.ingest.domain.notification.VerifiedNotification;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Verifies a notification with alipay-client's {@link NotificationVerifier} (client id, then RSA-SHA256 over
 * {@code POST <path>\n<client-id>.<request-time>.<raw body>} with the key its keyVersion names), and only then parses
 * the body: strictly (a repeated key is refused) and once, looking for card data as it reads
 * ({@link NotificationScan}), then against Antom's field rules ({@link NotificationRules}), then field by field
 * ({@link NotificationParser}). No freshness window on {@code request-time}: see the module README
 * ("Replay").
 */
public final class AntomNotificationReader implements NotificationReader {

    private final NotificationVerifier verifier;

    private final NotificationParser parser = new NotificationParser();
    private final NotificationRules rules = new NotificationRules();

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
        BodyReading reading = read(inbound.kind(), inbound.rawBody());
        if (reading instanceof BodyReading.Refused refused) {
            return new NotificationReading.Refused(refused.reason(), refused.detail());
        }
        if (reading instanceof BodyReading.Read read) {
            return new NotificationReading.Accepted(new VerifiedNotification(
                    NotificationId.ofRawBody(inbound.rawBody()), inbound.kind(), receivedAt, verified.clientId(),
                    verified.requestTime(), read.payload()));
        }
        throw new IllegalStateException("unhandled " + reading);
    }

    /** A verified body read: its payload, or why it is refused (the detail names a field, never its value). */
    sealed interface BodyReading {

        record Read(NotificationPayload payload) implements BodyReading {
        }

        record Refused(RejectionReason reason, String detail) implements BodyReading {
        }
    }

    /**
     * Reads a verified body. Card data comes first, then the field rules, then the parser's; a body that is not JSON
     * or repeats a key is refused whatever else it holds.
     */
    BodyReading read(NotificationKind urlKind, byte[] rawBody) {
        try {
            NotificationScan.Scanned scanned = NotificationScan.read(rawBody);
            JsonNode body = scanned.body();
            Optional<AntomFields.Violation> violation = Optional.empty();
            if (body.isObject()) {
                // the body's kind first: a notifyType that is not a string is refused before anything else
                NotificationKind kind = NotificationParser.kindOf(body, urlKind);
                violation = scanned.cardData() != null ? Optional.of(scanned.cardData()) : rules.check(kind, body);
            }
            if (violation.isPresent()) {
                return new BodyReading.Refused(reason(violation.get()), violation.get().message());
            }
            return new BodyReading.Read(parser.parse(urlKind, body));
        } catch (NotificationParser.Unacceptable e) {
            return new BodyReading.Refused(e.reason(), e.getMessage());
        } catch (JacksonException e) {
            return duplicateKey(e) ? new BodyReading.Refused(RejectionReason.DUPLICATE_KEY,
                    "a key appears twice in one object")
                    : new BodyReading.Refused(RejectionReason.MALFORMED_BODY, "body is not JSON");
        }
    }

    /** Jackson's strict duplicate detection says so in its message; it has no exception type of its own. */
    private static boolean duplicateKey(JacksonException e) {
        String message = e.getOriginalMessage();
        return message != null && message.startsWith("Duplicate ");
    }

    static RejectionReason reason(AntomFields.Violation violation) {
        return switch (violation.rule()) {
            case REQUIRED -> RejectionReason.MALFORMED_BODY;
            case TOO_LONG -> RejectionReason.FIELD_TOO_LONG;
            case INVALID_VALUE -> "notifyType".equals(violation.field()) ? RejectionReason.UNEXPECTED_NOTIFY_TYPE
                    : RejectionReason.INVALID_VALUE;
            case INVALID_CURRENCY -> RejectionReason.INVALID_CURRENCY;
            case INVALID_AMOUNT -> RejectionReason.INVALID_AMOUNT;
            case INVALID_TIME -> RejectionReason.INVALID_TIME;
            case CARD_DATA -> RejectionReason.CARD_DATA;
        };
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
