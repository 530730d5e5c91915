package io.holdfast.authorization.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.authorization.adapter.web.PaymentReadEndpoint;
import io.holdfast.authorization.application.PaymentQueries;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;

/** The operational read API exists only when the management server has its own port. */
class WebConfigurationTests {

    private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
            .withUserConfiguration(WebConfiguration.class)
            .withBean(PaymentQueries.class, () -> new PaymentQueries(null));

    @Test
    void withoutASeparateManagementPortThereIsNoReadApiAtAll() {
        runner.withPropertyValues("server.port=8080")
                .run(context -> assertThat(context).doesNotHaveBean(PaymentReadEndpoint.class));
        runner.withPropertyValues("server.port=8080", "management.server.port=8080")
                .run(context -> assertThat(context).doesNotHaveBean(PaymentReadEndpoint.class));
    }

    @Test
    void onASeparateManagementPortTheReadApiIsThere() {
        runner.withPropertyValues("server.port=8080", "management.server.port=8081")
                .run(context -> assertThat(context).hasSingleBean(PaymentReadEndpoint.class));
    }
}
