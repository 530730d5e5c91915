package io.holdfast.authorization.it;

import io.holdfast.authorization.application.PaymentQueries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * What the integration tests of the running service share: the infrastructure (broker, database, sandbox) and a
 * {@link Scenario} per test that sends commands and reads what the service published.
 */
abstract class ScenarioTest {

    @Autowired
    PaymentQueries queries;
    @Autowired
    TestBeans.Published published;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    final TestInfrastructure infra = TestInfrastructure.get();
    Scenario scenario;

    @BeforeEach
    void openScenario() {
        scenario = new Scenario(bootstrapServers, queries, published);
    }

    @AfterEach
    void closeScenario() {
        scenario.close();
    }
}
