package io.holdfast.localstack;

import io.holdfast.schemas.Topics;
import io.holdfast.schemas.compat.ReleasedSchemas;
import io.holdfast.schemas.serde.RestSchemaRegistryClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Registers every released schema version ({@code schemas}: {@code released/<topic>/v<N>.avsc}), oldest first,
 * under {@code <topic>-value}, as the deploy-time Job does in Kubernetes: a merchant's producer with
 * {@code auto.register.schemas=false} then works before any service has published. Registering a version that is
 * already there returns its id again, so a warm start re-runs it harmlessly.
 */
final class ReleasedSchemaRegistration {

    private ReleasedSchemaRegistration() {
    }

    /** The subjects and versions registered, as {@code <subject> v<N> = id <id>}. */
    static List<String> registerAll(String registryUrl) {
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(registryUrl, Duration.ofSeconds(10));
        List<String> registered = new ArrayList<>();
        for (String topic : Topics.ALL) {
            List<Schema> versions = ReleasedSchemas.released(topic);
            for (int i = 0; i < versions.size(); i++) {
                int id = client.register(Topics.valueSubject(topic), versions.get(i));
                registered.add(Topics.valueSubject(topic) + " v" + (i + 1) + " = id " + id);
            }
        }
        return registered;
    }
}
