package io.holdfast.authorization.config;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code holdfast.alipay.*}: how to reach Antom. Keys are base64 (X.509 / PKCS#8) or PEM text, normally injected
 * from a secret; never logged.
 *
 * @param baseUrl the gateway, e.g. https://open-sea-global.alipay.com
 * @param clientId the Antom client id (SANDBOX_... for the sandbox)
 * @param merchantPrivateKey signs our requests
 * @param merchantKeyVersion the keyVersion of that key (default 1)
 * @param alipayPublicKey verifies Antom's responses
 * @param notifyUrl paymentNotifyUrl sent with pay (null: the dashboard's)
 * @param timeout whole-call timeout per Antom call (default: the client's, 8s pay/cancel, 5s inquiry)
 * @param allowPlainHttp permit an http:// baseUrl (local emulator only)
 */
@ConfigurationProperties("holdfast.alipay")
public record AlipayProperties(URI baseUrl, String clientId, String merchantPrivateKey, Integer merchantKeyVersion,
        String alipayPublicKey, String notifyUrl, Duration timeout, boolean allowPlainHttp) {

    @Override
    public String toString() {
        return "AlipayProperties[baseUrl=" + baseUrl + ", clientId=" + clientId + ", keys=<redacted>]";
    }
}
