package io.holdfast.alipay.sandbox;

import io.holdfast.alipay.client.signing.KeyRing;
import java.security.PublicKey;

/**
 * A merchant client the sandbox accepts.
 *
 * @param clientId the {@code Client-Id}, e.g. {@code SANDBOX_5X00000000000000}
 * @param merchantKeys the merchant's public keys by keyVersion, to verify request signatures
 * @param defaultNotifyUrl where notifications go when pay has no paymentNotifyUrl (the Dashboard setting); may
 *     be null
 */
public record ClientRegistration(String clientId, KeyRing merchantKeys, String defaultNotifyUrl) {

    public ClientRegistration {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("clientId is required");
        }
        if (merchantKeys == null) {
            throw new IllegalArgumentException("merchantKeys is required");
        }
    }

    public static ClientRegistration of(String clientId, PublicKey merchantPublicKey) {
        return new ClientRegistration(clientId, KeyRing.single(merchantPublicKey), null);
    }

    public ClientRegistration withDefaultNotifyUrl(String url) {
        return new ClientRegistration(clientId, merchantKeys, url);
    }
}
