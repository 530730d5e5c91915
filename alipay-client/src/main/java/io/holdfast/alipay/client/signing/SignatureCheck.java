package io.holdfast.alipay.client.signing;

/** The result of checking a {@code signature} header against a {@link KeyRing}, with the reason when it fails. */
public enum SignatureCheck {
    /** The signature verifies over the content with the key its header names. */
    VALID,
    /** No header value at all. */
    MISSING,
    /** The header could not be parsed (no signature item, bad base64, non-numeric keyVersion). */
    MALFORMED,
    /** An algorithm other than RSA256. */
    UNSUPPORTED_ALGORITHM,
    /** The header names a keyVersion the ring does not hold. */
    UNKNOWN_KEY_VERSION,
    /** The signature does not verify (tampered content, wrong key, wrong signed URI or time). */
    MISMATCH;

    public boolean isValid() {
        return this == VALID;
    }
}
