package io.holdfast.alipay.client.signing;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Map;
import java.util.NavigableMap;
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
        return SignatureHeader.parse(signatureHeaderValue).map(header -> verify(content, header)).orElse(false);
    }

    public boolean verify(byte[] content, SignatureHeader header) {
        if (!SignatureHeader.RSA256.equals(header.algorithm())) {
            return false;
        }
        PublicKey key = header.keyVersion() == null ? keys.lastEntry().getValue() : keys.get(header.keyVersion());
        if (key == null) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(key);
            signature.update(content);
            return signature.verify(header.signature());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    public int newestVersion() {
        return keys.lastKey();
    }
}
