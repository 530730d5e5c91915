package io.holdfast.capture.config;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code holdfast.alipay.*} (the same keys as authorization-service's): how to reach Antom. Keys are given as base64
 * or PEM text (from a secret), never logged.
 *
 * @param baseUrl the Antom gateway, e.g. https://open-sea-global.alipay.com
 * @param clientId the Antom client id
 * @param merchantPrivateKey the merchant's RSA private key
 * @param merchantKeyVersion the merchant key's version in the signature header (default 1)
 * @param alipayPublicKey Antom's RSA public key (verifies responses)
 * @param timeout whole-call timeout of capture and inquiry (default 8s)
 * @param allowPlainHttp permit http:// (local sandbox only)
 */
@ConfigurationProperties("holdfast.alipay")
public record AlipayProperties(URI baseUrl, String clientId, String merchantPrivateKey,
        Integer merchantKeyVersion,
        String alipayPublicKey, Duration timeout, boolean allowPlainHttp) {

    public AlipayProperties {
        merchantKeyVersion = merchantKeyVersion == null ? 1 : merchantKeyVersion;
        timeout = timeout == null ? Duration.ofSeconds(8) : timeout;
    }

    @Override
    public String toString() {
        return "AlipayProperties[baseUrl=" + baseUrl + ", clientId=" + clientId + ", keys=<redacted>]";
    }
}
