package io.holdfast.alipay.client;

import io.holdfast.alipay.client.signing.AlipayKeys;
import io.holdfast.alipay.client.signing.KeyRing;
import io.holdfast.alipay.client.signing.Signer;
import java.security.KeyPair;
import java.security.SecureRandom;

/** TEST-ONLY key pairs generated once per JVM: the merchant's and Antom's. */
public final class TestKeys {

    public static final KeyPair MERCHANT = AlipayKeys.generate(new SecureRandom());
    public static final KeyPair ANTOM = AlipayKeys.generate(new SecureRandom());
    public static final KeyPair STRANGER = AlipayKeys.generate(new SecureRandom());

    private TestKeys() {
    }

    public static Signer merchantSigner() {
        return new Signer(MERCHANT.getPrivate(), 1);
    }

    public static Signer antomSigner() {
        return new Signer(ANTOM.getPrivate(), 1);
    }

    public static KeyRing antomKeys() {
        return KeyRing.single(ANTOM.getPublic());
    }

    public static KeyRing merchantKeys() {
        return KeyRing.single(MERCHANT.getPublic());
    }
}
