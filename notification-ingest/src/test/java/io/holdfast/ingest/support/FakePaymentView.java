package io.holdfast.ingest.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for payment-view's internal read API (its own tests prove the real one): payment {@code acme-read-1}
 * of merchant {@code acme} exists, everything else is 404; a list echoes its query. Records each request's path,
 * query and Authorization header.
 */
public final class FakePaymentView {

    /** TEST-ONLY credentials of the edge's READ_API login. */
    public static final String USERNAME = "edge";
    public static final String PASSWORD = "test-read-api-password";

    private static HttpServer server;
    private static final List<String> REQUESTS = new CopyOnWriteArrayList<>();

    private FakePaymentView() {
    }

    public static synchronized String url() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/internal/v1/payments", exchange -> {
                String path = exchange.getRequestURI().getPath();
                String query = exchange.getRequestURI().getQuery();
                REQUESTS.add(path + "?" + query + " " + exchange.getRequestHeaders().getFirst("Authorization"));
                int status = 200;
                String body;
                if (path.equals("/internal/v1/payments")) {
                    body = "{\"items\":[],\"query\":\"" + query + "\"}";
                } else if (path.equals("/internal/v1/payments/acme-read-1") && "merchantId=acme".equals(query)) {
                    body = "{\"paymentRequestId\":\"acme-read-1\",\"merchantId\":\"acme\",\"status\":\"CAPTURED\"}";
                } else {
                    status = 404;
                    body = "";
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            server.start();
        }
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public static List<String> requests() {
        return List.copyOf(REQUESTS);
    }
}
