package io.holdfast.alipay.client.signing;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Public keys by {@code keyVersion}, so a key can rotate without downtime: during a rotation both the old and
 * the new version are in the ring, and each signature is checked against the version its header names. A
 * header without a version is checked against the newest key (Antom defaults to the latest version).
 */
public final class KeyRing {

    private final NavigableMap<Integer, PublicKey> keys;

    public KeyRing(Map<Integer, PublicKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a key ring needs at least one key");
        }
        this.keys = new TreeMap<>(keys);
    }

    public static KeyRing single(PublicKey key) {
        return new KeyRing(Map.of(1, key));
    }

    /** Verifies {@code content} against a raw {@code signature} header value; false for anything unverifiable. */
    public boolean verify(byte[] content, String signatureHeaderValue) {
        return check(content, signatureHeaderValue).isValid();
    }

    public boolean verify(byte[] content, SignatureHeader header) {
        return check(content, header).isValid();
    }

    /** Like {@link #verify(byte[], String)}, but says why a signature is not valid. */
    public SignatureCheck check(byte[] content, String signatureHeaderValue) {
        if (signatureHeaderValue == null || signatureHeaderValue.isBlank()) {
            return SignatureCheck.MISSING;
        }
        Optional<SignatureHeader> header = SignatureHeader.parse(signatureHeaderValue);
        return header.isPresent() ? check(content, header.get()) : SignatureCheck.MALFORMED;
    }

    public SignatureCheck check(byte[] content, SignatureHeader header) {
        if (!SignatureHeader.RSA256.equals(header.algorithm())) {
            return SignatureCheck.UNSUPPORTED_ALGORITHM;
        }
        PublicKey key = header.keyVersion() == null ? keys.lastEntry().getValue() : keys.get(header.keyVersion());
        if (key == null) {
            return SignatureCheck.UNKNOWN_KEY_VERSION;
        }
        try {
            Signature signature = Rsa256.forThisThread();
            signature.initVerify(key);
            signature.update(content);
            return signature.verify(header.signature()) ? SignatureCheck.VALID : SignatureCheck.MISMATCH;
        } catch (GeneralSecurityException e) {
            return SignatureCheck.MISMATCH;
        }
    }

    public int newestVersion() {
        return keys.lastKey();
    }

    @Override
    public String toString() {
        return "KeyRing[versions=" + keys.keySet() + "]";
    }
}
