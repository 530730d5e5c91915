package io.holdfast.ingest.adapter.view;

import io.holdfast.ingest.application.PaymentReads;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/**
 * Calls payment-view's internal read API ({@code /internal/v1/payments…}) with HTTP Basic (a READ_API login of the
 * view), passing the authenticated merchant's id; the view scopes every answer to that merchant.
 */
public final class PaymentViewClient implements PaymentReads {

    private final HttpClient http;
    private final URI base;
    private final String authorization;
    private final Duration timeout;

    public PaymentViewClient(URI base, String username, String password, Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
    }

    @Override
    public Mono<Answer> payment(String merchantId, String paymentRequestId) {
        return get("/internal/v1/payments/" + URLEncoder.encode(paymentRequestId, StandardCharsets.UTF_8)
                .replace("+", "%20"), Map.of("merchantId", merchantId));
    }

    @Override
    public Mono<Answer> list(String merchantId, Map<String, String> filters) {
        Map<String, String> query = new LinkedHashMap<>(filters);
        query.put("merchantId", merchantId);
        return get("/internal/v1/payments", query);
    }

    private Mono<Answer> get(String path, Map<String, String> query) {
        String q = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path + "?" + q)).timeout(timeout)
                .header("Authorization", authorization).header("Accept", "application/json").GET().build();
        return Mono.fromFuture(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()))
                .map(r -> new Answer(r.statusCode(), r.body()));
    }
}
