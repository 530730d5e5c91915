package io.holdfast.messaging.alipay;

import io.holdfast.alipay.client.AlipayClientProperties;
import io.holdfast.alipay.client.signing.AlipayKeys;
import io.holdfast.alipay.client.signing.KeyRing;
import io.holdfast.alipay.client.signing.Signer;
import java.net.URI;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code holdfast.alipay.*}: the Antom account of authorization-service and capture-service, written once (bound by
 * {@link AlipayAccountConfiguration}; this record has no Spring in it). Keys are bare base64 (PKCS#8 / X.509) or PEM
 * text, normally mounted from a Secret; never logged.
 *
 * <p>Antom's public keys form a key ring by {@code keyVersion}, as at the edge ({@code holdfast.ingest.antom.
 * alipay-public-keys.<n>}): during a rotation both versions are listed and each response is verified with the version
 * its {@code Signature} header names. {@code alipay-public-key} is the single-key shorthand for version 1; it may be
 * given together with the ring, but not with a different key for version 1.
 *
 * @param baseUrl the gateway, e.g. {@code https://open-sea-global.alipay.com}
 * @param clientId the Antom client id ({@code SANDBOX_...} for the sandbox)
 * @param merchantPrivateKey signs our requests
 * @param merchantKeyVersion the keyVersion our request signatures announce (default 1); switching the merchant key
 *     is one change of both values, Antom accepts the old and the new version meanwhile
 * @param alipayPublicKey Antom's public key, version 1 (the single-key shorthand)
 * @param alipayPublicKeys Antom's public keys by keyVersion (the key ring)
 * @param notifyUrl {@code paymentNotifyUrl} sent with pay (null: the one configured in Antom's dashboard)
 * @param timeout whole-call timeout of every Antom call (null: the client's per-operation defaults, 8 s for pay,
 *     cancel and capture, 5 s for inquiry)
 * @param allowPlainHttp permit an {@code http://} baseUrl (local emulator only)
 */
public record AlipayAccount(URI baseUrl, String clientId, String merchantPrivateKey, Integer merchantKeyVersion,
        String alipayPublicKey, Map<Integer, String> alipayPublicKeys, String notifyUrl, Duration timeout,
        boolean allowPlainHttp) {

    /** The prefix of the properties. */
    public static final String PREFIX = "holdfast.alipay";
    /** The keyVersion of the single-key shorthand {@code alipay-public-key}. */
    public static final int SHORTHAND_KEY_VERSION = 1;

    public AlipayAccount {
        merchantKeyVersion = merchantKeyVersion == null ? 1 : merchantKeyVersion;
        if (merchantKeyVersion < 1) {
            throw new IllegalArgumentException(PREFIX + ".merchant-key-version must be at least 1");
        }
        alipayPublicKeys = alipayPublicKeys == null ? Map.of() : Map.copyOf(alipayPublicKeys);
        checkKeyRing(alipayPublicKeys, alipayPublicKey);
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException(PREFIX + ".timeout must be positive");
        }
    }

    private static void checkKeyRing(Map<Integer, String> ring, String shorthand) {
        for (Map.Entry<Integer, String> key : ring.entrySet()) {
            if (key.getKey() < 1) {
                throw new IllegalArgumentException(PREFIX + ".alipay-public-keys: a keyVersion must be at least 1");
            }
            if (key.getValue().isBlank()) {
                throw new IllegalArgumentException(PREFIX + ".alipay-public-keys." + key.getKey() + " is empty");
            }
        }
        String versionOne = ring.get(SHORTHAND_KEY_VERSION);
        if (present(shorthand) && versionOne != null && !versionOne.strip().equals(shorthand.strip())) {
            throw new IllegalArgumentException(PREFIX + ".alipay-public-key and " + PREFIX + ".alipay-public-keys."
                    + SHORTHAND_KEY_VERSION + " are both version " + SHORTHAND_KEY_VERSION + " but differ");
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** The Antom public key texts by keyVersion: the ring plus the shorthand as version 1. */
    public Map<Integer, String> alipayPublicKeyTexts() {
        Map<Integer, String> texts = new TreeMap<>(alipayPublicKeys);
        if (present(alipayPublicKey)) {
            texts.putIfAbsent(SHORTHAND_KEY_VERSION, alipayPublicKey);
        }
        return texts;
    }

    /** Antom's public keys by keyVersion, parsed. */
    public KeyRing alipayPublicKeyRing() {
        Map<Integer, PublicKey> keys = new TreeMap<>();
        alipayPublicKeyTexts().forEach((version, text) -> {
            try {
                keys.put(version, AlipayKeys.publicKey(text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(PREFIX + " Antom public key version " + version + ": "
                        + e.getMessage(), e);
            }
        });
        return new KeyRing(keys);
    }

    /** Signs with the merchant private key, announcing {@link #merchantKeyVersion()}. */
    public Signer merchantSigner() {
        try {
            return new Signer(AlipayKeys.privateKey(merchantPrivateKey), merchantKeyVersion);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PREFIX + ".merchant-private-key: " + e.getMessage(), e);
        }
    }

    /**
     * What the Antom client needs.
     *
     * @throws IllegalStateException naming every required property that is missing
     */
    public AlipayClientProperties clientProperties() {
        List<String> missing = new ArrayList<>();
        if (baseUrl == null) {
            missing.add(PREFIX + ".base-url");
        }
        if (!present(clientId)) {
            missing.add(PREFIX + ".client-id");
        }
        if (!present(merchantPrivateKey)) {
            missing.add(PREFIX + ".merchant-private-key");
        }
        if (alipayPublicKeyTexts().isEmpty()) {
            missing.add(PREFIX + ".alipay-public-key (or " + PREFIX + ".alipay-public-keys.<keyVersion>)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the Antom account is incomplete; required: " + String.join(", ", missing));
        }
        AlipayClientProperties.Timeouts timeouts = timeout == null ? null : AlipayClientProperties.Timeouts.all(timeout);
        AlipayClientProperties.Tls tls = allowPlainHttp ? AlipayClientProperties.Tls.plainHttpForLocalEmulator() : null;
        return new AlipayClientProperties(baseUrl, clientId, merchantSigner(), alipayPublicKeyRing(), timeouts, null,
                tls);
    }

    @Override
    public String toString() {
        return "AlipayAccount[baseUrl=" + baseUrl + ", clientId=" + clientId + ", merchantKeyVersion="
                + merchantKeyVersion + ", alipayKeyVersions=" + alipayPublicKeyTexts().keySet() + ", keys=<redacted>]";
    }
}
