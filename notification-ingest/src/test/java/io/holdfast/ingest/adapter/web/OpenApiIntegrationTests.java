package io.holdfast.ingest.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.ingest.support.IngestIntegrationTest;
import io.holdfast.ingest.support.TestWorld;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The OpenAPI description served at runtime is the hand-written one checked in. */
@IngestIntegrationTest
class OpenApiIntegrationTests {

    @Test
    void theServedDescriptionIsTheCheckedInFile() throws IOException {
        byte[] checkedIn = Files.readAllBytes(Path.of("src/main/resources/static/openapi.yaml"));

        byte[] served = WebTestClient.bindToServer().baseUrl("http://localhost:" + TestWorld.appPort()).build()
                .get().uri("/openapi.yaml").exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();

        assertThat(served).isEqualTo(checkedIn);
    }
}
