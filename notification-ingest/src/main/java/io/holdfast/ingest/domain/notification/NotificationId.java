package io.holdfast.ingest.domain.notification;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A notification's identity: the hex SHA-256 of its signed raw body. Antom's retries of one notification resend the
 * same body, so they share the id and consumers deduplicate on it.
 */
public record NotificationId(String value) {

    public static NotificationId ofRawBody(byte[] rawBody) {
        try {
            return new NotificationId(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(rawBody)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
