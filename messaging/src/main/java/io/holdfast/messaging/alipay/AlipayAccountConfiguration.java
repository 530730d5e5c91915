package io.holdfast.messaging.alipay;

import io.holdfast.alipay.client.AlipayClient;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The Antom account ({@link AlipayAccount}, bound from {@code holdfast.alipay.*}) and the {@link AlipayClient} on it,
 * for a service that {@code @Import}s this class (authorization-service, capture-service); tests may supply their own
 * client bean. Not an auto-configuration: the edge has its own Antom settings ({@code holdfast.ingest.antom.*}).
 */
@Configuration(proxyBeanMethods = false)
public class AlipayAccountConfiguration {

    @Bean
    AlipayAccount alipayAccount(Environment environment) {
        return Binder.get(environment).bind(AlipayAccount.PREFIX, AlipayAccount.class)
                .orElseGet(() -> new AlipayAccount(null, null, null, null, null, null, null, null, false));
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    AlipayClient alipayClient(AlipayAccount account, Clock clock) {
        return AlipayClient.create(account.clientProperties(), clock);
    }
}
