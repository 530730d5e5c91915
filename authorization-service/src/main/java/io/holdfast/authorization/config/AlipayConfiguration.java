package io.holdfast.authorization.config;

import io.holdfast.alipay.client.AlipayClient;
import io.holdfast.alipay.client.AlipayClientProperties;
import io.holdfast.alipay.client.signing.AlipayKeys;
import io.holdfast.alipay.client.signing.KeyRing;
import io.holdfast.alipay.client.signing.Signer;
import io.holdfast.authorization.adapter.alipay.AlipayAntomGateway;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Antom client and the gateway adapter on it. */
@Configuration(proxyBeanMethods = false)
public class AlipayConfiguration {

    @Bean(destroyMethod = "close")
    AlipayClient alipayClient(AlipayProperties properties, Clock clock) {
        if (properties.baseUrl() == null || properties.merchantPrivateKey() == null
                || properties.alipayPublicKey() == null) {
            throw new IllegalStateException("holdfast.alipay.base-url, merchant-private-key and alipay-public-key "
                    + "are required");
        }
        Signer signer = new Signer(AlipayKeys.privateKey(properties.merchantPrivateKey()),
                properties.merchantKeyVersion() == null ? 1 : properties.merchantKeyVersion());
        KeyRing alipayKeys = KeyRing.single(AlipayKeys.publicKey(properties.alipayPublicKey()));
        AlipayClientProperties.Timeouts timeouts = properties.timeout() == null ? null
                : AlipayClientProperties.Timeouts.all(properties.timeout());
        AlipayClientProperties.Tls tls = properties.allowPlainHttp()
                ? AlipayClientProperties.Tls.plainHttpForLocalEmulator() : null;
        return AlipayClient.create(new AlipayClientProperties(properties.baseUrl(), properties.clientId(), signer,
                alipayKeys, timeouts, null, tls), clock);
    }

    @Bean
    AlipayAntomGateway antomGateway(AlipayClient client, MeterRegistry meters, Clock clock,
            AlipayProperties properties) {
        return new AlipayAntomGateway(client, meters, clock, properties.notifyUrl());
    }
}
