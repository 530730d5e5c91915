package io.holdfast.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * In prod a commit waits for a standby (CloudNativePG quorum-based synchronous replication), so a failover never
 * loses a committed authorization or capture-schedule row; the standbys exist to carry it. Every overlay archives
 * the WAL and takes base backups, so any moment of the retention window can be recovered.
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

    /**
     * Point-in-time recovery: the Cluster archives every WAL segment through the Barman Cloud plugin to a rendered
     * ObjectStore with a retention policy, and a ScheduledBackup takes base backups with the plugin (every overlay).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.holdfast.deploy.Overlays#names")
    void walIsArchivedAndBaseBackupsAreScheduledForPointInTimeRecovery(String overlay) {
        Rendering rendering = Overlays.render(overlay);
        JsonNode cluster = rendering.find("Cluster", "holdfast-data", "holdfast-pg").orElseThrow().spec();
        List<JsonNode> archivers = cluster.path("plugins").valueStream()
                .filter(plugin -> plugin.path("name").asString().equals("barman-cloud.cloudnative-pg.io"))
                .filter(plugin -> plugin.path("isWALArchiver").asBoolean(false)).toList();

        assertThat(archivers).as("%s: the Barman Cloud plugin archives the WAL", overlay).hasSize(1);
        String objectStore = archivers.get(0).path("parameters").path("barmanObjectName").asString();
        JsonNode store = rendering.find("ObjectStore", "holdfast-data", objectStore)
                .orElseThrow(() -> new AssertionError(overlay + ": no ObjectStore " + objectStore)).spec();
        assertThat(store.path("retentionPolicy").asString()).as("recovery window").matches("[1-9][0-9]*[dwm]");
        assertThat(rendering.ofKind("ScheduledBackup")).as("%s: base backups", overlay)
                .anySatisfy(backup -> {
                    assertThat(backup.spec().path("cluster").path("name").asString()).isEqualTo("holdfast-pg");
                    assertThat(backup.spec().path("method").asString()).isEqualTo("plugin");
                    assertThat(backup.spec().path("pluginConfiguration").path("name").asString())
                            .isEqualTo("barman-cloud.cloudnative-pg.io");
                });
    }
}
