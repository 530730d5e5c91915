package io.holdfast.capture.adapter.db;

import io.holdfast.capture.application.PolicyStore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** Wires the policy store (ChangeDeadlinePolicy). */
@Configuration(proxyBeanMethods = false)
public class PolicyDbConfiguration {

    @Bean
    PolicyStore policyStore(DatabaseClient db, Clock clock) {
        return new R2dbcPolicyStore(db, clock);
    }
}
