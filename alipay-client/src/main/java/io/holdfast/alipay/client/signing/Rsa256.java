package io.holdfast.alipay.client.signing;

import java.security.NoSuchAlgorithmException;
import java.security.Signature;

/**
 * One {@code SHA256withRSA} {@link Signature} engine per thread, re-initialised for every use ({@code initSign} /
 * {@code initVerify} reset it completely), instead of a provider look-up per signature.
 */
final class Rsa256 {

    private static final ThreadLocal<Signature> ENGINE = ThreadLocal.withInitial(Rsa256::newEngine);

    private Rsa256() {
    }

    static Signature forThisThread() {
        return ENGINE.get();
    }

    private static Signature newEngine() {
        try {
            return Signature.getInstance("SHA256withRSA");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA256withRSA is not available", e);
        }
    }
}
