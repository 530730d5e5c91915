package io.holdfast.ingest.domain.command;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * The commandId of a merchant command taken over HTTP: deterministic in (merchant, operation, paymentRequestId,
 * Idempotency-Key), which is also the scope of the key. So authorize and cancel of one payment under one key are two
 * commands, and a retry (after a 503, a restart, on another replica, after the records expired) carries the same id.
 *
 * <p>Derivation (documented in the README and the OpenAPI description; it is part of the merchant contract):
 * <ol>
 *   <li>take the four fields in this order: merchant id, operation ({@code authorize}, {@code cancel} or
 *       {@code capture}: the URL segment), paymentRequestId, Idempotency-Key;</li>
 *   <li>encode each as its UTF-8 byte length in decimal, a colon, and the bytes ({@code 4:acme9:authorize…}): a
 *       length prefix, so no choice of field values can make two different tuples encode alike;</li>
 *   <li>SHA-256 the concatenation, keep the first 16 bytes, set the version nibble to 8 and the variant bits to
 *       {@code 10} (an RFC 9562 version-8 UUID), and write it in the canonical lower-case 8-4-4-4-12 form.</li>
 * </ol>
 * 36 characters, so {@code v-<commandId>} (the vaultingRequestId) stays within Antom's 64.
 */
public final class CommandId {

    private CommandId() {
    }

    public static String of(String merchantId, CommandType operation, String paymentRequestId,
            String idempotencyKey) {
        StringBuilder encoded = new StringBuilder();
        for (String field : new String[] {merchantId, operation.segment(), paymentRequestId, idempotencyKey}) {
            encoded.append(field.getBytes(StandardCharsets.UTF_8).length).append(':').append(field);
        }
        byte[] digest = sha256(encoded.toString().getBytes(StandardCharsets.UTF_8));
        digest[6] = (byte) ((digest[6] & 0x0f) | 0x80);
        digest[8] = (byte) ((digest[8] & 0x3f) | 0x80);
        long most = 0;
        long least = 0;
        for (int i = 0; i < 8; i++) {
            most = (most << 8) | (digest[i] & 0xff);
            least = (least << 8) | (digest[i + 8] & 0xff);
        }
        return new UUID(most, least).toString();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
