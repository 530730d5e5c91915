package io.holdfast.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * In prod a commit waits for a standby (CloudNativePG quorum-based synchronous replication), so a failover never
 * loses a committed authorization or capture-schedule row; the standbys exist to carry it.
 */
class PostgresDurabilityTests {

    @Test
    void prodCommitsAreSynchronouslyReplicatedToAStandby() {
        JsonNode cluster = Overlays.render("prod").find("Cluster", "holdfast-data", "holdfast-pg").orElseThrow()
                .spec();
        JsonNode synchronous = cluster.path("postgresql").path("synchronous");

        assertThat(synchronous.path("method").asString()).isIn("any", "first");
        assertThat(synchronous.path("number").asInt()).isGreaterThanOrEqualTo(1)
                .isLessThan(cluster.path("instances").asInt());
        assertThat(synchronous.path("dataDurability").asString("required")).isEqualTo("required");
    }
}
