package io.holdfast.alipay.client;

import io.holdfast.alipay.client.model.AlipayResponse;
import io.holdfast.alipay.client.signing.SignatureCheck;
import io.holdfast.alipay.client.signing.SignedContent;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs, sends and verifies one Antom call: the body is serialized once, those exact bytes are signed and sent, and
 * the response is verified over its exact bytes before it is parsed.
 */
final class AlipayTransport {

    static final String CONTENT_TYPE = "application/json; charset=UTF-8";
    private static final Logger log = LoggerFactory.getLogger(AlipayTransport.class);
    private static final byte[] EMPTY = new byte[0];

    private final AlipayClientProperties properties;
    private final Clock clock;
    private final WebClient webClient;
    private final JsonMapper json = AlipayJson.mapper();

    AlipayTransport(AlipayClientProperties properties, Clock clock, WebClient webClient) {
        this.properties = properties;
        this.clock = clock;
        this.webClient = webClient;
    }

    <R extends AlipayResponse> Mono<AlipayOutcome<R>> call(AlipayOperation operation, Object request,
            Class<R> responseType) {
        return Mono.defer(() -> {
            String clientId = properties.clientId();
            URI uri = properties.baseUrl().resolve(operation.pathFor(clientId));
            String signedUri = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
            byte[] body;
            try {
                body = json.writeValueAsBytes(request);
            } catch (JacksonException e) {
                return Mono.just(AlipayResultMapper.notSent(NotSentReason.SERIALIZATION_FAILED,
                        e.getClass().getSimpleName()));
            }
            String requestTime = Long.toString(clock.millis());
            String signature;
            try {
                signature = properties.merchantSigner()
                        .sign(SignedContent.ofPost(signedUri, clientId, requestTime, body))
                        .format();
            } catch (IllegalStateException e) {
                return Mono.just(AlipayResultMapper.notSent(NotSentReason.SIGNING_FAILED, "request signing failed"));
            }
            if (log.isDebugEnabled()) {
                log.debug("Antom {} POST {} request: {}", operation, signedUri, SensitiveDataMasker.mask(body));
            }
            return exchange(uri, clientId, requestTime, signature, body)
                    .timeout(properties.timeouts().forOperation(operation))
                    .map(raw -> interpret(operation, signedUri, raw, responseType))
                    .onErrorResume(error -> Mono.just(AlipayResultMapper.fromTransportError(error)));
        });
    }

    private Mono<RawResponse> exchange(URI uri, String clientId, String requestTime, String signature, byte[] body) {
        return webClient.post()
                .uri(uri)
                .header("Client-Id", clientId)
                .header("Request-Time", requestTime)
                .header("Signature", signature)
                .header("Content-Type", CONTENT_TYPE)
                .bodyValue(body)
                .exchangeToMono(response -> response.bodyToMono(byte[].class)
                        .defaultIfEmpty(EMPTY)
                        .map(bytes -> new RawResponse(response.statusCode().value(), header(response, "signature"),
                                header(response, "response-time"), bytes)));
    }

    private <R extends AlipayResponse> AlipayOutcome<R> interpret(AlipayOperation operation, String signedUri,
            RawResponse raw, Class<R> responseType) {
        if (log.isDebugEnabled()) {
            log.debug("Antom {} response HTTP {}: {}", operation, raw.status(), SensitiveDataMasker.mask(raw.body()));
        }
        if (raw.status() != 200) {
            return AlipayResultMapper.fromHttpStatus(raw.status());
        }
        if (raw.signature() == null || raw.signature().isBlank()) {
            return parse(raw.body(), responseType)
                    .map(AlipayResultMapper::fromUnsignedResponse)
                    .orElseGet(() -> AlipayResultMapper.unverified("unsigned response, body not parseable"));
        }
        if (raw.responseTime() == null || raw.responseTime().isBlank()) {
            return AlipayResultMapper.unverified("response-time header missing");
        }
        byte[] content = SignedContent.ofPost(signedUri, properties.clientId(), raw.responseTime(), raw.body());
        SignatureCheck check = properties.alipayPublicKeys().check(content, raw.signature());
        if (!check.isValid()) {
            log.warn("Antom {} response signature not valid: {}", operation, check);
            return AlipayResultMapper.unverified("response signature " + check);
        }
        return parse(raw.body(), responseType)
                .map(response -> AlipayResultMapper.fromVerifiedResponse(operation, response))
                .orElseGet(() -> AlipayResultMapper.malformed("verified body is not a parseable "
                        + responseType.getSimpleName() + " (" + raw.body().length + " bytes)"));
    }

    private <R> Optional<R> parse(byte[] body, Class<R> type) {
        try {
            return Optional.ofNullable(json.readValue(body, type));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private static String header(ClientResponse response, String name) {
        return response.headers().header(name).stream().findFirst().orElse(null);
    }
}
