package io.holdfast.capture.config;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code alipay.client.*}: how to reach Antom. Keys are given as base64 or PEM text (from a secret), never logged.
 *
 * @param baseUrl the Antom gateway, e.g. https://open-sea-global.alipay.com
 * @param clientId the Antom client id
 * @param merchantPrivateKey the merchant's RSA private key
 * @param keyVersion the merchant key's version in the signature header
 * @param alipayPublicKey Antom's RSA public key (verifies responses)
 * @param timeout whole-call timeout of capture and inquiry
 * @param allowPlainHttp permit http:// (local sandbox only)
 */
@ConfigurationProperties("alipay.client")
public record AlipayProperties(URI baseUrl, String clientId, String merchantPrivateKey, Integer keyVersion,
        String alipayPublicKey, Duration timeout, boolean allowPlainHttp) {

    public AlipayProperties {
        keyVersion = keyVersion == null ? 1 : keyVersion;
        timeout = timeout == null ? Duration.ofSeconds(8) : timeout;
    }

    @Override
    public String toString() {
        return "AlipayProperties[baseUrl=" + baseUrl + ", clientId=" + clientId + ", keys=<redacted>]";
    }
}
