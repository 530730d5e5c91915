package io.holdfast.capture.config;

import io.holdfast.messaging.alipay.AlipayAccountConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The Antom client from {@code holdfast.alipay.*} (Antom's public keys by keyVersion): messaging's
 * {@link AlipayAccountConfiguration}, shared with authorization-service (tests may supply their own client bean).
 */
@Configuration(proxyBeanMethods = false)
@Import(AlipayAccountConfiguration.class)
public class AlipayClientConfiguration {
}
