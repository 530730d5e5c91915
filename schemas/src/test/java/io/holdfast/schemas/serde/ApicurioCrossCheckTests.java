package io.holdfast.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.apicurio.registry.resolver.client.RegistryArtifactReference;
import io.apicurio.registry.resolver.client.RegistryClientFacade;
import io.apicurio.registry.resolver.client.RegistryVersionCoordinates;
import io.apicurio.registry.resolver.strategy.ArtifactReference;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.holdfast.schemas.Fixtures;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.registry.EmbeddedSchemaRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/**
 * An independent implementation as the oracle: Apicurio Registry's own Avro serde, in Confluent mode (no headers,
 * 4-byte content id in the payload), reads the bytes our serde writes, and our serde reads the bytes it writes.
 * Both resolve schemas against the same registry: Apicurio's through a thin facade onto our REST client (its
 * contentId is the Confluent schema id, exactly as Apicurio's ccompat API maps them).
 */
class ApicurioCrossCheckTests {

    private static final String TOPIC = "payments.commands";

    @Test
    void apicurio_reads_our_bytes_and_we_read_apicurios() throws Exception {
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.startOnFreePort()) {
            RestSchemaRegistryClient client = new RestSchemaRegistryClient(registry.url(), Duration.ofSeconds(5));
            Map<String, Object> apicurioConfig = Map.of(
                    "apicurio.registry.headers.enabled", "false",
                    "apicurio.registry.use-id", "contentId",
                    "apicurio.registry.auto-register", "true",
                    "apicurio.registry.use-specific-avro-reader", "true",
                    "apicurio.registry.dereference-schema", "true");

            AvroKafkaSerializer<PaymentCommand> theirSerializer = new AvroKafkaSerializer<>(new Facade(client));
            theirSerializer.configure(apicurioConfig, false);
            AvroKafkaDeserializer<PaymentCommand> theirDeserializer = new AvroKafkaDeserializer<>(new Facade(client));
            theirDeserializer.configure(apicurioConfig, false);
            AvroSerializer<PaymentCommand> ourSerializer = new AvroSerializer<>(client, true);
            AvroDeserializer<PaymentCommand> ourDeserializer = new AvroDeserializer<>(client, PaymentCommand.class);

            byte[] ours = ourSerializer.serialize(TOPIC, Fixtures.authorizeManual());
            byte[] theirs = theirSerializer.serialize(TOPIC, new RecordHeaders(), Fixtures.authorizeManual());

            assertThat(theirDeserializer.deserialize(TOPIC, new RecordHeaders(), ours)).isEqualTo(Fixtures.authorizeManual());
            assertThat(ourDeserializer.deserialize(TOPIC, theirs)).isEqualTo(Fixtures.authorizeManual());
            assertThat(theirs).as("byte-identical framing and encoding").isEqualTo(ours);
        }
    }

    /** Apicurio's registry port, answered by a Confluent-API client: contentId = globalId = the Confluent id. */
    private record Facade(RestSchemaRegistryClient client) implements RegistryClientFacade {

        @Override
        public String getSchemaByContentId(Long contentId) {
            return client.schemaById(contentId.intValue()).toString();
        }

        @Override
        public String getSchemaByGlobalId(long globalId, boolean dereferenced) {
            return client.schemaById((int) globalId).toString();
        }

        @Override
        public String getSchemaByGAV(String groupId, String artifactId, String version) {
            throw new UnsupportedOperationException("not used in Confluent mode");
        }

        @Override
        public String getSchemaByContentHash(String contentHash) {
            throw new UnsupportedOperationException("not used in Confluent mode");
        }

        @Override
        public List<RegistryArtifactReference> getReferencesByContentId(long contentId) {
            return List.of();
        }

        @Override
        public List<RegistryArtifactReference> getReferencesByGlobalId(long globalId) {
            return List.of();
        }

        @Override
        public List<RegistryArtifactReference> getReferencesByGAV(String groupId, String artifactId, String version) {
            return List.of();
        }

        @Override
        public List<RegistryArtifactReference> getReferencesByContentHash(String contentHash) {
            return List.of();
        }

        @Override
        public List<RegistryVersionCoordinates> searchVersionsByContent(String schemaString, String artifactType,
                                                                        ArtifactReference reference, boolean canonical) {
            int id = client.lookup(reference.getArtifactId(), new Schema.Parser().parse(schemaString));
            return List.of(RegistryVersionCoordinates.create((long) id, (long) id, reference.getGroupId(), reference.getArtifactId(), "1"));
        }

        @Override
        public RegistryVersionCoordinates createSchema(String artifactType, String groupId, String artifactId, String version,
                                                       String ifExists, boolean canonical, String schemaString,
                                                       Set<RegistryArtifactReference> references) {
            int id = client.register(artifactId, new Schema.Parser().parse(schemaString));
            return RegistryVersionCoordinates.create((long) id, (long) id, groupId, artifactId, String.valueOf(id));
        }

        @Override
        public RegistryVersionCoordinates getVersionCoordinatesByGAV(String groupId, String artifactId, String version) {
            throw new UnsupportedOperationException("not used in Confluent mode");
        }

        @Override
        public Object getClient() {
            return client;
        }
    }
}
