package io.holdfast.messaging.config;

import io.holdfast.messaging.consumer.ConsumerErrorPolicy;

/** A service's additions to the shared policy (a hook before dead-lettering). */
@FunctionalInterface
public interface ConsumerErrorPolicyCustomizer {

    void customize(ConsumerErrorPolicy policy);
}
