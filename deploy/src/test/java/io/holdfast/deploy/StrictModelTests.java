package io.holdfast.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The strict parse itself: a misspelt field anywhere in a built-in object is reported with its path.
 */
class StrictModelTests {

    private static final String DEPLOYMENT = String.join("\n",
            "apiVersion: apps/v1",
            "kind: Deployment",
            "metadata:",
            "  name: demo",
            "spec:",
            "  selector:",
            "    matchLabels: {app: demo}",
            "  template:",
            "    metadata:",
            "      labels: {app: demo}",
            "    spec:",
            "      containers:",
            "        - name: demo",
            "          image: demo:1",
            "          %s:",
            "            httpGet: {path: /, port: 8080}",
            "          resources:",
            "            limits: {memory: 1Gi}",
            "");

    @Test
    void aCleanDeploymentHasNoUnknownFields() {
        HasMetadata object = parseSingle(String.format(DEPLOYMENT, "livenessProbe"));

        assertThat(object).isInstanceOf(Deployment.class);
        assertThat(StrictModel.unknownFields(object)).isEmpty();
    }

    @Test
    void aMisspeltFieldDeepInsideIsReportedWithItsPath() {
        HasMetadata object = parseSingle(String.format(DEPLOYMENT, "livenesProbe"));

        assertThat(StrictModel.unknownFields(object))
                .containsExactly("spec.template.spec.containers[0].livenesProbe");
    }

    @Test
    void customResourcesBecomeGenericAndOnlyTheirMetadataIsChecked() {
        HasMetadata object = parseSingle(String.join("\n",
                "apiVersion: kafka.strimzi.io/v1beta2",
                "kind: KafkaTopic",
                "metadata:",
                "  name: t",
                "  labelz: {a: b}",
                "spec:",
                "  partitions: 12",
                ""));

        assertThat(object).isInstanceOf(GenericKubernetesResource.class);
        assertThat(StrictModel.unknownFields(object)).containsExactly("metadata.labelz");
    }

    @Test
    void multiDocumentStreamsSkipEmptyDocuments() {
        assertThat(StrictModel.documents("a: 1\n---\n---\nb: 2\n")).hasSize(2);
    }

    private static HasMetadata parseSingle(String yaml) {
        List<tools.jackson.databind.JsonNode> documents = StrictModel.documents(yaml);
        assertThat(documents).hasSize(1);
        return StrictModel.parse(documents.get(0));
    }
}
