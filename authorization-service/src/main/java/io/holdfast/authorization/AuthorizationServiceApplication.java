package io.holdfast.authorization;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The authorization-service: payment commands to Antom pay/cancel, outcomes to payments.events. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AuthorizationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(AuthorizationServiceApplication.class, args);
    }
}
