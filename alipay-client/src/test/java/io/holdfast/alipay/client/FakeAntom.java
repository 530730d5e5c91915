package io.holdfast.alipay.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.holdfast.alipay.client.signing.KeyRing;
import io.holdfast.alipay.client.signing.SignatureCheck;
import io.holdfast.alipay.client.signing.SignatureHeader;
import io.holdfast.alipay.client.signing.SignedContent;
import io.holdfast.alipay.client.signing.Signer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * A tiny Antom over real HTTP for tests: records each request with the result of checking its signature against
 * the merchant's public key, and answers with scripted replies (signed, unsigned, tampered, hanging, ...).
 */
final class FakeAntom implements AutoCloseable {

    static final String RESPONSE_TIME = "2019-05-28T12:12:14+08:00";

    /** How a reply is signed (or misbehaves). */
    enum Mode { SIGNED, SIGNED_SPACED_REORDERED, UNSIGNED, TAMPERED, WRONG_KEY, WRONG_KEY_VERSION, NO_RESPONSE_TIME, HANG,
        /** Signed, with {@code Connection: close}: the server closes the connection after this reply. */
        SIGNED_THEN_CLOSE }

    record Reply(int status, String body, Mode mode) {
        static Reply signed(String body) {
            return new Reply(200, body, Mode.SIGNED);
        }
    }

    record Recorded(String path, String clientId, String requestTime, String signature, String contentType,
            byte[] body, SignatureCheck signatureCheck, int clientPort) {
        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final KeyRing merchantKeys;
    private final Signer antomSigner;
    private final Signer strangerSigner;
    private final Queue<Reply> replies = new ConcurrentLinkedQueue<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch received = new CountDownLatch(1);

    FakeAntom(KeyRing merchantKeys, Signer antomSigner, Signer strangerSigner) throws IOException {
        this(merchantKeys, antomSigner, strangerSigner, null);
    }

    /** @param tls serve HTTPS with this context; plain HTTP when null */
    FakeAntom(KeyRing merchantKeys, Signer antomSigner, Signer strangerSigner, SSLContext tls) throws IOException {
        this.merchantKeys = merchantKeys;
        this.antomSigner = antomSigner;
        this.strangerSigner = strangerSigner;
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", 0);
        if (tls == null) {
            server = HttpServer.create(address, 0);
        } else {
            HttpsServer https = HttpsServer.create(address, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    URI baseUrl() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort());
    }

    FakeAntom reply(Reply reply) {
        replies.add(reply);
        return this;
    }

    FakeAntom replySigned(String body) {
        return reply(Reply.signed(body));
    }

    List<Recorded> requests() {
        return requests;
    }

    boolean awaitRequest(long seconds) throws InterruptedException {
        return received.await(seconds, TimeUnit.SECONDS);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getRawPath();
        String clientId = exchange.getRequestHeaders().getFirst("client-id");
        String requestTime = exchange.getRequestHeaders().getFirst("request-time");
        String signature = exchange.getRequestHeaders().getFirst("signature");
        SignatureCheck check = clientId == null || requestTime == null
                ? SignatureCheck.MISSING
                : merchantKeys.check(SignedContent.ofPost(path, clientId, requestTime, body), signature);
        requests.add(new Recorded(path, clientId, requestTime, signature,
                exchange.getRequestHeaders().getFirst("content-type"), body, check, exchange.getRemoteAddress().getPort()));
        received.countDown();
        Reply reply = replies.poll();
        if (reply == null) {
            reply = Reply.signed("{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"}}");
        }
        if (reply.mode() == Mode.HANG) {
            awaitRelease();
            exchange.close();
            return;
        }
        respond(exchange, path, clientId, reply);
    }

    private void respond(HttpExchange exchange, String path, String clientId, Reply reply) throws IOException {
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        var headers = exchange.getResponseHeaders();
        headers.add("Content-Type", "application/json; charset=UTF-8");
        headers.add("client-id", clientId);
        if (reply.mode() != Mode.NO_RESPONSE_TIME) {
            headers.add("response-time", RESPONSE_TIME);
        }
        byte[] signedBody = reply.mode() == Mode.TAMPERED ? (reply.body() + " ").getBytes(StandardCharsets.UTF_8) : bytes;
        byte[] content = SignedContent.ofPost(path, clientId, RESPONSE_TIME, signedBody);
        switch (reply.mode()) {
            case SIGNED, TAMPERED, NO_RESPONSE_TIME -> headers.add("signature", antomSigner.sign(content).format());
            case SIGNED_THEN_CLOSE -> {
                headers.add("signature", antomSigner.sign(content).format());
                headers.add("Connection", "close");
            }
            case WRONG_KEY -> headers.add("signature", strangerSigner.sign(content).format());
            case WRONG_KEY_VERSION -> headers.add("signature", new Signer(antomSignerKey(), 7).sign(content).format());
            case SIGNED_SPACED_REORDERED -> headers.add("signature", spacedReordered(antomSigner.sign(content)));
            case UNSIGNED, HANG -> {
            }
        }
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private java.security.PrivateKey antomSignerKey() {
        return antomSigner.privateKey();
    }

    /** The docs' spelling: a space after each comma, and here also the items in another order. */
    private static String spacedReordered(SignatureHeader header) {
        String formatted = header.format();
        String signature = formatted.substring(formatted.indexOf("signature=") + "signature=".length());
        return "signature=" + signature + ", keyVersion=" + header.keyVersion() + ", algorithm=" + header.algorithm();
    }

    private void awaitRelease() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
