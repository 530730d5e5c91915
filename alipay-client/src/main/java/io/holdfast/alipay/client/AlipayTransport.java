package io.holdfast.alipay.client;

import io.holdfast.alipay.client.model.AlipayResponse;
import io.holdfast.alipay.client.signing.SignatureCheck;
import io.holdfast.alipay.client.signing.SignedContent;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
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
    private final AntomConnections connections;
    private final Map<AlipayOperation, Target> targets = new EnumMap<>(AlipayOperation.class);

    AlipayTransport(AlipayClientProperties properties, Clock clock, AntomConnections connections) {
        this.properties = properties;
        this.clock = clock;
        this.connections = connections;
        for (AlipayOperation operation : AlipayOperation.values()) {
            targets.put(operation, Target.of(properties, operation));
        }
    }

    /**
     * What a call to one operation needs besides its body, worked out once per client instead of per call (URI
     * parsing and resolution showed in the per-call profile).
     */
    private record Target(String signedUri, Duration timeout) {

        static Target of(AlipayClientProperties properties, AlipayOperation operation) {
            URI uri = properties.baseUrl().resolve(operation.pathFor(properties.clientId()));
            String signedUri = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
            return new Target(signedUri, properties.timeouts().forOperation(operation));
        }
    }

    <R extends AlipayResponse> Mono<AlipayOutcome<R>> call(AlipayOperation operation, Object request,
            Class<R> responseType) {
        return Mono.create(sink -> {
            AlipayOutcome<R> notSent = send(operation, request, responseType, sink);
            if (notSent != null) {
                sink.success(notSent);
            }
        });
    }

    /**
     * Serializes, signs and hands the request to the connections; returns the outcome instead when it cannot be
     * sent. The sink is completed exactly once, with an outcome, never with an error: the whole-call timeout (counted
     * from here, connecting included) and transport failures are outcomes too.
     */
    private <R extends AlipayResponse> AlipayOutcome<R> send(AlipayOperation operation, Object request,
            Class<R> responseType, MonoSink<AlipayOutcome<R>> sink) {
        String clientId = properties.clientId();
        Target target = targets.get(operation);
        String signedUri = target.signedUri();
        byte[] body = AntomJsonWriter.write(request);
        try {
            if (body == null) {
                body = json.writeValueAsBytes(request);
            }
        } catch (JacksonException e) {
            return AlipayResultMapper.notSent(NotSentReason.SERIALIZATION_FAILED, e.getClass().getSimpleName());
        }
        String requestTime = Long.toString(clock.millis());
        String signature;
        try {
            signature = properties.merchantSigner()
                    .sign(SignedContent.ofPost(signedUri, clientId, requestTime, body))
                    .format();
        } catch (IllegalStateException e) {
            return AlipayResultMapper.notSent(NotSentReason.SIGNING_FAILED, "request signing failed");
        }
        if (log.isDebugEnabled()) {
            log.debug("Antom {} POST {} request: {}", operation, signedUri, SensitiveDataMasker.mask(body));
        }
        AntomConnections.Exchange exchange = new AntomConnections.Exchange(
                connections.post(signedUri, clientId, requestTime, signature, body), target.timeout()) {

            @Override
            void completed(RawResponse response) {
                AlipayOutcome<R> outcome;
                try {
                    outcome = interpret(operation, signedUri, response, responseType);
                } catch (RuntimeException e) {
                    outcome = AlipayResultMapper.fromTransportError(e);
                }
                sink.success(outcome);
            }

            @Override
            void failed(Throwable error) {
                sink.success(AlipayResultMapper.fromTransportError(error));
            }
        };
        sink.onCancel(exchange::cancel);
        connections.execute(exchange);
        return null;
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
