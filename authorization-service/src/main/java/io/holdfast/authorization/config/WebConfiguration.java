package io.holdfast.authorization.config;

import io.holdfast.authorization.adapter.web.PaymentReadEndpoint;
import io.holdfast.authorization.application.PaymentQueries;
import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP side: the operational read API exists only on a separate management server. The service's own port
 * ({@code server.port}) serves no payment data at all.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    @Bean
    @ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
    PaymentReadEndpoint paymentReadEndpoint(PaymentQueries queries) {
        return new PaymentReadEndpoint(queries);
    }
}
