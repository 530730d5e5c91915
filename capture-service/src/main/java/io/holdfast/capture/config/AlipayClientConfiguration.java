package io.holdfast.capture.config;

import io.holdfast.alipay.client.AlipayClient;
import io.holdfast.alipay.client.AlipayClientProperties;
import io.holdfast.alipay.client.signing.AlipayKeys;
import io.holdfast.alipay.client.signing.KeyRing;
import io.holdfast.alipay.client.signing.Signer;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Antom client from {@code holdfast.alipay.*} (tests may supply their own bean). */
@Configuration(proxyBeanMethods = false)
public class AlipayClientConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    AlipayClient alipayClient(AlipayProperties p, Clock clock) {
        var tls = p.allowPlainHttp() ? AlipayClientProperties.Tls.plainHttpForLocalEmulator() : null;
        var properties = new AlipayClientProperties(p.baseUrl(), p.clientId(),
                new Signer(AlipayKeys.privateKey(p.merchantPrivateKey()), p.merchantKeyVersion()),
                KeyRing.single(AlipayKeys.publicKey(p.alipayPublicKey())),
                AlipayClientProperties.Timeouts.all(p.timeout()), null, tls);
        return AlipayClient.create(properties, clock);
    }
}
