package io.holdfast.alipay.client.signing;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;

/**
 * Signs content with SHA256withRSA (PKCS#1 v1.5) and wraps it in a {@link SignatureHeader}.
 *
 * @param privateKey the signing key (the merchant's for requests, Antom's or the sandbox's for responses and
 *     notifications)
 * @param keyVersion the version announced in the header
 */
public record Signer(PrivateKey privateKey, int keyVersion) {

    public SignatureHeader sign(byte[] content) {
        try {
            Signature signature = Rsa256.forThisThread();
            signature.initSign(privateKey);
            signature.update(content);
            return new SignatureHeader(SignatureHeader.RSA256, keyVersion, signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    @Override
    public String toString() {
        return "Signer[keyVersion=" + keyVersion + "]";
    }
}
