package io.holdfast.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The stored CRD schemas reject what the API server would: unknown fields, wrong enums, missing required fields. */
class CrdSchemaValidationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aValidScheduledBackupPasses() {
        assertThat(problems("""
                {"apiVersion": "postgresql.cnpg.io/v1", "kind": "ScheduledBackup", "metadata": {"name": "b"},
                 "spec": {"schedule": "0 0 2 * * *", "cluster": {"name": "holdfast-pg"}, "method": "plugin",
                          "pluginConfiguration": {"name": "barman-cloud.cloudnative-pg.io"}}}""")).isEmpty();
    }

    @Test
    void unknownFieldsWrongEnumsAndMissingRequiredFieldsAreReported() {
        assertThat(problems("""
                {"apiVersion": "postgresql.cnpg.io/v1", "kind": "ScheduledBackup", "metadata": {"name": "b"},
                 "spec": {"schedule": "0 0 2 * * *", "method": "barmanCloud", "retention": "30d"}}"""))
                .containsExactlyInAnyOrder("spec: required field cluster is missing",
                        "spec.method: barmanCloud is not one of [\"barmanObjectStore\",\"volumeSnapshot\",\"plugin\"]",
                        "spec.retention: unknown field (not in the CRD's schema)");
    }

    @Test
    void objectStorePatternsAndClusterScopedBundles() {
        assertThat(problems("""
                {"apiVersion": "barmancloud.cnpg.io/v1", "kind": "ObjectStore", "metadata": {"name": "s"},
                 "spec": {"retentionPolicy": "30 days", "configuration": {"destinationPath": "s3://b/",
                          "serverName": "x"}}}"""))
                .containsExactlyInAnyOrder("spec.retentionPolicy: 30 days does not match ^[1-9][0-9]*[dwm]$",
                        "spec.configuration.serverName: unknown field (not in the CRD's schema)");
        assertThat(problems("""
                {"apiVersion": "trust.cert-manager.io/v1alpha1", "kind": "Bundle",
                 "metadata": {"name": "b", "namespace": "holdfast"},
                 "spec": {"sources": [{"secret": {"name": "ca", "key": "ca.crt"}}],
                          "target": {"configMap": {"key": "ca.crt"}}}}"""))
                .containsExactly("metadata.namespace: Bundle is cluster-scoped");
    }

    private static List<String> problems(String json) {
        JsonNode object = JSON.readTree(json);
        JsonNode crd = CrdSchemaValidation.crd(object.path("apiVersion").asString(), object.path("kind").asString())
                .orElseThrow();
        return CrdSchemaValidation.validate(object, crd);
    }
}
