package io.holdfast.alipay.sandbox.http;

import io.holdfast.alipay.sandbox.SandboxControl;
import io.holdfast.alipay.sandbox.core.Api;
import io.holdfast.alipay.sandbox.core.Json;
import io.holdfast.alipay.sandbox.fault.FaultKind;
import io.holdfast.alipay.sandbox.fault.FaultSpec;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HTTP face of {@link SandboxControl}, JSON in and out, under {@code /sandbox/control/}. Unauthenticated:
 * it is a test tool (it can be switched off). Routes are listed in the README.
 */
public final class ControlHandler {

    static final String PREFIX = "/sandbox/control/";

    private final SandboxControl control;
    private final Supplier<ObjectNode> keys;

    public ControlHandler(SandboxControl control, Supplier<ObjectNode> keys) {
        this.control = control;
        this.keys = keys;
    }

    Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        String route = request.method().name() + " " + request.fullPath().substring(PREFIX.length() - 1);
        return request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0])
                .publishOn(Schedulers.boundedElastic())
                .flatMap(body -> {
                    Object result;
                    try {
                        result = route(route, body.length == 0 ? Json.object() : Json.MAPPER.readTree(body));
                    } catch (IllegalArgumentException | DateTimeParseException | JacksonException e) {
                        ObjectNode error = Json.object().put("error", e.getMessage());
                        return Mono.from(HttpReplies.json(response, 400, error));
                    }
                    if (result == null) {
                        return Mono.from(HttpReplies.json(response, 404, Json.object().put("error", "no route " + route)));
                    }
                    return Mono.from(HttpReplies.json(response, 200, Json.MAPPER.valueToTree(result)));
                });
    }

    private Object route(String route, JsonNode body) {
        if (route.startsWith("DELETE /faults/")) {
            return Json.object().put("removed", control.removeFault(Long.parseLong(route.substring(15))));
        }
        return switch (route) {
            case "GET /clock" -> clock(control.clock());
            case "POST /clock/advance" -> {
                control.advanceClock(Duration.parse(required(body, "duration")));
                yield clock(control.clock());
            }
            case "POST /captures/complete" -> Json.object().put("completed", control.completePendingCaptures());
            case "POST /refunds/complete" -> Json.object().put("completed", control.completePendingRefunds());
            case "GET /faults" -> control.faults();
            case "POST /faults" -> Json.object().put("id", control.injectFault(fault(body)));
            case "DELETE /faults" -> {
                control.clearFaults();
                yield Json.object().put("cleared", true);
            }
            case "GET /ledger" -> control.ledger();
            case "GET /notifications" -> control.deliveries();
            case "POST /notifications/faults" -> notificationFault(body);
            case "DELETE /notifications/faults" -> {
                control.clearNotificationFaults();
                yield Json.object().put("cleared", true);
            }
            case "POST /notifications/release-held" -> {
                control.releaseHeldNotifications();
                yield Json.object().put("released", true);
            }
            case "GET /keys" -> keys.get();
            case "GET /timings" -> timings();
            default -> null;
        };
    }

    private ObjectNode timings() {
        ObjectNode timings = Json.object();
        control.servingTimes().forEach((kind, reading) -> timings.set(kind,
                Json.object().put("count", reading.count()).put("totalMicros", reading.totalMicros())));
        return timings;
    }

    private Object notificationFault(JsonNode body) {
        int count = body.path("count").asInt(1);
        String kind = required(body, "kind");
        switch (kind) {
            case "DUPLICATE" -> control.duplicateNextNotifications(count);
            case "REORDER" -> control.reorderNextNotifications(count);
            case "DROP" -> control.dropNextNotifications(count);
            case "DELAY" -> control.delayNextNotifications(count, Duration.parse(required(body, "delay")));
            default -> throw new IllegalArgumentException("kind must be DUPLICATE, REORDER, DELAY or DROP");
        }
        return Json.object().put("kind", kind).put("count", count);
    }

    private static FaultSpec fault(JsonNode body) {
        Api api = body.hasNonNull("api") ? Api.parse(body.get("api").asString()) : null;
        FaultKind kind = FaultKind.valueOf(required(body, "kind"));
        FaultSpec spec = body.hasNonNull("rate") ? FaultSpec.atRate(api, kind, body.get("rate").asDouble())
                : FaultSpec.next(api, kind, body.path("count").asInt(1));
        if (body.hasNonNull("latency")) {
            spec = spec.withLatency(Duration.parse(body.get("latency").asString()));
        }
        if (body.hasNonNull("httpStatus")) {
            spec = spec.withHttpStatus(body.get("httpStatus").asInt());
        }
        if (body.hasNonNull("apply")) {
            spec = spec.applied(body.get("apply").asBoolean());
        }
        return spec;
    }

    private static ObjectNode clock(SandboxControl.ClockReading reading) {
        return Json.object().put("now", reading.now().toString()).put("offsetMillis", reading.offsetMillis())
                .put("advancedBy", reading.advancedBy().toString());
    }

    private static String required(JsonNode body, String field) {
        if (!body.hasNonNull(field)) {
            throw new IllegalArgumentException(field + " is required");
        }
        return body.get(field).asString();
    }
}
