package io.holdfast.capture.adapter.alipay;

import io.holdfast.alipay.client.AlipayClient;
import io.holdfast.capture.application.CaptureGateway;
import io.holdfast.capture.application.RefundGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the Antom adapter around an {@link AlipayClient} bean. */
@Configuration(proxyBeanMethods = false)
public class AlipayAdapterConfiguration {

    @Bean
    CaptureGateway captureGateway(AlipayClient client) {
        return new AntomCaptureGateway(client);
    }

    @Bean
    RefundGateway refundGateway(AlipayClient client) {
        return new AntomRefundGateway(client);
    }
}
