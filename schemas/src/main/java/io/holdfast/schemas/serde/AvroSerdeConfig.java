package io.holdfast.schemas.serde;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * Serde configuration, with Confluent's key names so a merchant's existing client configuration carries over.
 *
 * @param registryUrl {@code schema.registry.url}: base URL of a Confluent-compatible registry
 * @param autoRegister {@code auto.register.schemas}: register the writer schema (default true); false looks it up
 *     and fails if absent, as production producers should
 * @param timeout {@code schema.registry.timeout.ms}: registry call timeout (default 10 s)
 */
public record AvroSerdeConfig(String registryUrl, boolean autoRegister, Duration timeout) {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String TIMEOUT_MS = "schema.registry.timeout.ms";
    /** A ready client instance (tests and embedded setups share one cache). */
    public static final String REGISTRY_CLIENT_INSTANCE = "holdfast.schema.registry.client";

    public static AvroSerdeConfig from(Map<String, ?> configs) {
        Object url = configs.get(SCHEMA_REGISTRY_URL);
        if (url == null && configs.get(REGISTRY_CLIENT_INSTANCE) == null) {
            throw new ConfigException(SCHEMA_REGISTRY_URL + " is required");
        }
        Object auto = configs.get(AUTO_REGISTER_SCHEMAS);
        Object timeout = configs.get(TIMEOUT_MS);
        return new AvroSerdeConfig(url == null ? null : url.toString(),
                auto == null || Boolean.parseBoolean(auto.toString()),
                Duration.ofMillis(timeout == null ? 10_000 : Long.parseLong(timeout.toString())));
    }

    static SchemaRegistryClient client(Map<String, ?> configs, AvroSerdeConfig config) {
        Object instance = configs.get(REGISTRY_CLIENT_INSTANCE);
        if (instance instanceof SchemaRegistryClient client) {
            return client;
        }
        return new RestSchemaRegistryClient(config.registryUrl(), config.timeout());
    }
}
