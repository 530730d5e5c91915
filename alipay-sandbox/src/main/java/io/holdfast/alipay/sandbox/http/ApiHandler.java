package io.holdfast.alipay.sandbox.http;

import io.holdfast.alipay.sandbox.core.Api;
import io.holdfast.alipay.sandbox.core.ApiResult;
import io.holdfast.alipay.sandbox.core.Json;
import io.holdfast.alipay.sandbox.core.SandboxEngine;
import io.holdfast.alipay.sandbox.fault.FaultKind;
import io.holdfast.alipay.sandbox.fault.FaultPlan;
import io.holdfast.alipay.sandbox.fault.FaultSpec;
import io.holdfast.alipay.sandbox.http.ResponseSigner.Mode;
import io.holdfast.alipay.sandbox.timing.ServingTimes;
import io.netty.channel.ChannelOption;
import java.util.Optional;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Serves the Antom APIs: authenticates, draws a fault, applies the call to the engine (off the event loop) and
 * answers with HTTP 200 and Antom's signed headers, or with the fault's misbehaviour.
 */
final class ApiHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiHandler.class);

    private final SandboxEngine engine;
    private final RequestAuthenticator authenticator;
    private final ResponseSigner signer;
    private final FaultPlan faults;
    private final ServingTimes times;

    ApiHandler(SandboxEngine engine, RequestAuthenticator authenticator, ResponseSigner signer, FaultPlan faults,
            ServingTimes times) {
        this.engine = engine;
        this.times = times;
        this.authenticator = authenticator;
        this.signer = signer;
        this.faults = faults;
    }

    Publisher<Void> handle(Api api, HttpServerRequest request, HttpServerResponse response) {
        String uri = request.uri();
        long start = System.nanoTime();
        return request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0])
                .publishOn(Schedulers.boundedElastic())
                .flatMap(body -> Mono.from(answer(api, uri, request, response, body)))
                .doFinally(signal -> times.record(api.name(), System.nanoTime() - start));
    }

    private Publisher<Void> answer(Api api, String uri, HttpServerRequest request, HttpServerResponse response,
            byte[] body) {
        Authentication authentication = authenticator.authenticate(uri, request.requestHeaders().get("Client-Id"),
                request.requestHeaders().get("Request-Time"), request.requestHeaders().get("Signature"), body);
        if (authentication instanceof Authentication.Authenticated authenticated) {
            return serve(api, uri, authenticated.clientId(), response, body);
        }
        ApiResult rejection = ((Authentication.Rejected) authentication).result();
        log.info("{} {} rejected: {}", api, uri, rejection.resultCode());
        return HttpReplies.json(response, 200, Json.resultOnly(rejection));
    }

    private Publisher<Void> serve(Api api, String uri, String clientId, HttpServerResponse response, byte[] body) {
        Optional<FaultSpec> fault = faults.draw(api);
        boolean apply = fault.map(FaultSpec::apply).orElse(true);
        boolean captureInProcess = fault.map(spec -> spec.kind() == FaultKind.CAPTURE_IN_PROCESS).orElse(false);
        ObjectNode answer = apply ? engine.handle(api, clientId, parse(body), captureInProcess) : null;
        if (fault.isEmpty()) {
            return signed(response, uri, clientId, answer, Mode.SIGNED);
        }
        FaultSpec spec = fault.get();
        log.info("{} {} fault {} (applied: {})", api, uri, spec.kind(), apply);
        return switch (spec.kind()) {
            case UNKNOWN_EXCEPTION ->
                    signed(response, uri, clientId, Json.resultOnly(ApiResult.UNKNOWN_EXCEPTION), Mode.SIGNED);
            case APPLY_THEN_TIMEOUT, LATENCY -> Mono.delay(spec.latency())
                    .then(Mono.from(signed(response, uri, clientId, answerOrUnknown(answer), Mode.SIGNED)));
            case HTTP_5XX -> HttpReplies.text(response, spec.httpStatus(), "text/html; charset=UTF-8",
                    "<html><body><h1>" + spec.httpStatus() + " Service Unavailable</h1></body></html>");
            case CONNECTION_RESET -> {
                response.withConnection(connection -> {
                    connection.channel().config().setOption(ChannelOption.SO_LINGER, 0);
                    connection.channel().close();
                });
                yield Mono.empty();
            }
            case UNSIGNED_RESPONSE -> signed(response, uri, clientId, answerOrUnknown(answer), Mode.UNSIGNED);
            case WRONG_SIGNATURE -> signed(response, uri, clientId, answerOrUnknown(answer), Mode.WRONGLY_SIGNED);
            case CAPTURE_IN_PROCESS -> signed(response, uri, clientId, answerOrUnknown(answer), Mode.SIGNED);
        };
    }

    /** A fault configured with apply=false still needs a body when its kind answers normally. */
    private static ObjectNode answerOrUnknown(ObjectNode answer) {
        return answer != null ? answer : Json.resultOnly(ApiResult.UNKNOWN_EXCEPTION);
    }

    private Publisher<Void> signed(HttpServerResponse response, String uri, String clientId, ObjectNode answer,
            Mode mode) {
        byte[] bytes = Json.bytes(answer);
        signer.apply(response, uri, clientId, bytes, mode);
        return HttpReplies.bytes(response, 200, HttpReplies.JSON, bytes);
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? null : Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }
}
