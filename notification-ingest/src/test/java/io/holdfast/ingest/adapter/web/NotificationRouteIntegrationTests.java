package io.holdfast.ingest.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.ingest.support.AntomNotifications;
import io.holdfast.ingest.support.IngestIntegrationTest;
import io.holdfast.ingest.support.TestWorld;
import io.holdfast.ingest.support.TopicRecords;
import io.holdfast.schemas.Topics;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;

/**
 * The notification URLs are served by a reactor-netty route ahead of WebFlux ({@link NotificationRoute}): what that
 * route must do on its own that WebFlux did before (headers of the answers, bodies that arrive in chunks without a
 * Content-Length, the query in the signed path), and that every other request still reaches WebFlux.
 */
@IngestIntegrationTest
class NotificationRouteIntegrationTests {

    private static final String PATH = "/alipay/notifications/payment";
    private static final String TIME = "1767225600000";
    private static final String SUCCESS =
            "{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"}}";

    @Autowired
    EmbeddedKafkaBroker broker;

    private final WebTestClient http = WebTestClient.bindToServer().baseUrl("http://localhost:" + TestWorld.appPort())
            .build();
    private final AntomNotifications antom = new AntomNotifications(http);

    @Test
    void theAcknowledgementIsAntomsBodyAsJsonWithItsLength() {
        antom.post(PATH, AntomNotifications.payment("acme-route-1", unique("pay")))
                .expectStatus().isOk()
                .expectHeader().contentType("application/json")
                .expectHeader().contentLength(SUCCESS.length())
                .expectBody(String.class).isEqualTo(SUCCESS);
    }

    @Test
    void aRefusalIsJsonWithTheReason() {
        antom.post(PATH, "{}".getBytes(StandardCharsets.UTF_8), TestWorld.CLIENT_ID, TIME, null)
                .expectStatus().isUnauthorized()
                .expectHeader().contentType("application/json")
                .expectBody()
                .jsonPath("$.result.resultCode").isEqualTo("MISSING_SIGNATURE")
                .jsonPath("$.result.resultStatus").isEqualTo("F");
    }

    @Test
    void aSignedBodyInChunksWithoutContentLengthIsStoredThenAcknowledged() {
        String paymentId = unique("pay");
        byte[] body = AntomNotifications.payment("acme-route-2", paymentId).getBytes(StandardCharsets.UTF_8);

        Answer answer = chunked(PATH, body, 7, signature(PATH, body));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(SUCCESS);
        assertThat(new TopicRecords(broker.getBrokersAsString())
                .matching(Topics.ALIPAY_NOTIFICATIONS, r -> paymentId.equals(r.key()))).hasSize(1);
    }

    @Test
    void aBodyInChunksOverTheLimitIs413ThoughNoContentLengthSaidSo() {
        byte[] big = new byte[65 * 1024];
        Arrays.fill(big, (byte) ' ');

        Answer answer = chunked(PATH, big, 16, signature(PATH, big));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body()).contains("\"resultCode\":\"TOO_LARGE\"");
    }

    @Test
    void theQueryIsPartOfTheSignedPath() {
        String withQuery = PATH + "?source=antom";
        byte[] body = AntomNotifications.payment("acme-route-3", unique("pay")).getBytes(StandardCharsets.UTF_8);
        String signedWithQuery = signature(withQuery, body);

        antom.post(withQuery, body, TestWorld.CLIENT_ID, TIME, signedWithQuery).expectStatus().isOk();
        antom.post(PATH, body, TestWorld.CLIENT_ID, TIME, signedWithQuery).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.result.resultCode").isEqualTo("SIGNATURE_MISMATCH");
    }

    @Test
    void otherMethodsAndUrlsReachWebFluxNotTheRoute() {
        http.get().uri(PATH).exchange().expectStatus().isNotFound();
        antom.post(PATH + "/more", AntomNotifications.payment("acme-route-4", unique("pay")))
                .expectStatus().isNotFound();
        http.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    private static String signature(String path, byte[] body) {
        return AntomNotifications.header(TestWorld.ANTOM_KEYS.getPrivate(), 1, path, TestWorld.CLIENT_ID, TIME, body);
    }

    /** Posts {@code body} in {@code parts} chunks (Transfer-Encoding: chunked, no Content-Length). */
    private static Answer chunked(String path, byte[] body, int parts, String signature) {
        int size = (body.length + parts - 1) / parts;
        Flux<ByteBuf> chunks = Flux.range(0, parts).filter(i -> i * size < body.length)
                .map(i -> Unpooled.wrappedBuffer(body, i * size, Math.min(size, body.length - i * size)));
        return HttpClient.create()
                .headers(h -> h.set("Content-Type", "application/json; charset=UTF-8")
                        .set("client-id", TestWorld.CLIENT_ID).set("request-time", TIME).set("signature", signature))
                .post().uri("http://localhost:" + TestWorld.appPort() + path)
                .send(chunks)
                .responseSingle((response, content) -> content.asString().defaultIfEmpty("")
                        .map(text -> new Answer(response.status().code(), text)))
                .block(Duration.ofSeconds(15));
    }

    private record Answer(int status, String body) {
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
