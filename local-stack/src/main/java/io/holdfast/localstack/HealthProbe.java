package io.holdfast.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks a child process whether it is up: a service's actuator health, the sandbox's control API. */
final class HealthProbe {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** The URL that answers 200 once the module is ready to work. */
    static String healthUrl(StackConfig config, String module) {
        return switch (module) {
            case LocalStack.SANDBOX -> "http://127.0.0.1:" + config.sandboxPort() + "/sandbox/control/clock";
            case LocalStack.INGEST -> actuator(config.ingestPort());
            case LocalStack.AUTHORIZATION -> actuator(config.authorizationPort());
            case LocalStack.CAPTURE -> actuator(config.capturePort());
            default -> throw new IllegalArgumentException("unknown module " + module);
        };
    }

    private static String actuator(int port) {
        return "http://127.0.0.1:" + port + "/actuator/health";
    }

    boolean healthy(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
