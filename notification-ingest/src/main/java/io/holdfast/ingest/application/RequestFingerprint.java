package io.holdfast.ingest.application;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Fingerprints a merchant request to tell an identical retry from a conflicting reuse of an Idempotency-Key. It is a
 * keyed hash (HMAC-SHA256): requests may carry raw card data, and a plain hash of a card number is itself protected
 * data (PCI DSS 3.5.1.1). Fingerprints are shared by all replicas (on the idempotency topic), so every replica uses the
 * same secret key ({@code holdfast.ingest.idempotency.fingerprint-key}, or one derived from the Antom merchant key).
 */
public final class RequestFingerprint {

    private static final int MIN_KEY_BYTES = 32;

    private final SecretKeySpec key;

    /** @param key the shared secret, at least 32 bytes */
    public RequestFingerprint(byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("a fingerprint key needs at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** A key of this process only: for tests of one replica. */
    public static RequestFingerprint withRandomKey(SecureRandom random) {
        byte[] bytes = new byte[MIN_KEY_BYTES];
        random.nextBytes(bytes);
        return new RequestFingerprint(bytes);
    }

    public String of(String operation, String paymentRequestId, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update((operation + "\n" + paymentRequestId + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
