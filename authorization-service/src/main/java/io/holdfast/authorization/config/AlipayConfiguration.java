package io.holdfast.authorization.config;

import io.holdfast.alipay.client.AlipayClient;
import io.holdfast.authorization.adapter.alipay.AlipayAntomGateway;
import io.holdfast.messaging.alipay.AlipayAccount;
import io.holdfast.messaging.alipay.AlipayAccountConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The gateway adapter on the Antom client. The account ({@code holdfast.alipay.*}, with Antom's public keys by
 * keyVersion) and the client are messaging's {@link AlipayAccountConfiguration}, shared with capture-service.
 */
@Configuration(proxyBeanMethods = false)
@Import(AlipayAccountConfiguration.class)
public class AlipayConfiguration {

    @Bean
    AlipayAntomGateway antomGateway(AlipayClient client, MeterRegistry meters, Clock clock, AlipayAccount account) {
        return new AlipayAntomGateway(client, meters, clock, account.notifyUrl());
    }
}
