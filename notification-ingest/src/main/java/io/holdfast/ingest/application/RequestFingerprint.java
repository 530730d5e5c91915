package io.holdfast.ingest.application;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Fingerprints a merchant request to tell an identical retry from a conflicting reuse of an Idempotency-Key. It is a
 * keyed hash (HMAC-SHA256 with a random per-process key): requests may carry raw card data, and a plain hash of a
 * card number is itself protected data (PCI DSS 3.5.1.1). Fingerprints live only in memory, so a per-process key is
 * enough.
 */
public final class RequestFingerprint {

    private final SecretKeySpec key;

    public RequestFingerprint(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
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
