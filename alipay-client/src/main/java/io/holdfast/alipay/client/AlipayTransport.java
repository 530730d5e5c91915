package io.holdfast.alipay.client;

import io.holdfast.alipay.client.model.AlipayResponse;
import io.holdfast.alipay.client.signing.SignatureCheck;
import io.holdfast.alipay.client.signing.SignedContent;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs, sends and verifies one Antom call: the body is serialized once, those exact bytes are signed and sent, and
 * the response is verified over its exact bytes before it is parsed.
 */
final class AlipayTransport {

    static final String CONTENT_TYPE = "application/json; charset=UTF-8";
    private static final Logger log = LoggerFactory.getLogger(AlipayTransport.class);

    private final AlipayClientProperties properties;
    private final Clock clock;
    private final JsonMapper json = AlipayJson.mapper();
    private final Map<AlipayOperation, Target> targets = new EnumMap<>(AlipayOperation.class);

    AlipayTransport(AlipayClientProperties properties, Clock clock, HttpClient http) {
        this.properties = properties;
        this.clock = clock;
        for (AlipayOperation operation : AlipayOperation.values()) {
            targets.put(operation, Target.of(properties, operation, http));
        }
    }

    /**
     * What a call to one operation needs besides its body, worked out once per client instead of per call (URI
     * parsing and resolution showed in the per-call profile).
     */
    private record Target(HttpClient.RequestSender post, String signedUri, Duration timeout) {

        static Target of(AlipayClientProperties properties, AlipayOperation operation, HttpClient http) {
            URI uri = properties.baseUrl().resolve(operation.pathFor(properties.clientId()));
            String signedUri = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
            return new Target(http.post().uri(uri), signedUri, properties.timeouts().forOperation(operation));
        }
    }

    <R extends AlipayResponse> Mono<AlipayOutcome<R>> call(AlipayOperation operation, Object request,
            Class<R> responseType) {
        return Mono.defer(() -> {
            String clientId = properties.clientId();
            Target target = targets.get(operation);
            String signedUri = target.signedUri();
            byte[] body = AntomJsonWriter.write(request);
            try {
                if (body == null) {
                    body = json.writeValueAsBytes(request);
                }
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
            return Mono.firstWithSignal(exchange(target.post(), clientId, requestTime, signature, body),
                            timeoutAfter(target.timeout()))
                    .map(raw -> interpret(operation, signedUri, raw, responseType))
                    .onErrorResume(error -> Mono.just(AlipayResultMapper.fromTransportError(error)));
        });
    }

    /**
     * The whole-call timeout, raced against the exchange (the loser is cancelled). Not {@code Mono.timeout}: that
     * one names the operator chain in a description string on every subscription, a cost a profile showed per call.
     */
    private static Mono<RawResponse> timeoutAfter(Duration timeout) {
        return Mono.delay(timeout).then(Mono.error(() -> new TimeoutException("no answer within " + timeout)));
    }

    /**
     * One POST of exactly {@code body}; the response body is read whole (at most {@link AlipayHttp#MAX_BODY_BYTES},
     * beyond that a {@link DataBufferLimitException}, an unknown outcome) before anything looks at it.
     */
    private Mono<RawResponse> exchange(HttpClient.RequestSender post, String clientId, String requestTime,
            String signature, byte[] body) {
        return post.send((request, outbound) -> {
                    request.requestHeaders()
                            .set("Client-Id", clientId)
                            .set("Request-Time", requestTime)
                            .set("Signature", signature)
                            .set("Content-Type", CONTENT_TYPE)
                            .setInt("Content-Length", body.length);
                    return outbound.sendByteArray(Mono.just(body));
                })
                .response((response, content) -> content.asByteArray()
                        .reduceWith(ByteArrayOutputStream::new, AlipayTransport::append)
                        .map(bytes -> new RawResponse(response.status().code(),
                                response.responseHeaders().get("signature"),
                                response.responseHeaders().get("response-time"), bytes.toByteArray())))
                .next();
    }

    private static ByteArrayOutputStream append(ByteArrayOutputStream bytes, byte[] chunk) {
        if (bytes.size() + chunk.length > AlipayHttp.MAX_BODY_BYTES) {
            throw new DataBufferLimitException("response body exceeds " + AlipayHttp.MAX_BODY_BYTES + " bytes");
        }
        bytes.writeBytes(chunk);
        return bytes;
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
}
