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

    /** The sandbox is ready once its control API answers. */
    static String sandboxHealthUrl(int port) {
        return "http://127.0.0.1:" + port + "/sandbox/control/clock";
    }

    /** A service is ready once its actuator health answers 200. */
    static String actuatorHealthUrl(int port) {
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
