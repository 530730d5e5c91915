package io.holdfast.alipay.sandbox.http;

import io.holdfast.alipay.sandbox.core.ChallengeView;
import io.holdfast.alipay.sandbox.core.SandboxEngine;
import java.util.Optional;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The sandbox's own 3DS challenge page, where {@code normalUrl} points: {@code GET /sandbox/3ds/{paymentId}}
 * shows the payment with two buttons posting to {@code /complete} (authentication passed) or {@code /fail};
 * either answers 303 to the merchant's paymentRedirectUrl, and the result goes out as notifyPayment.
 */
final class ChallengeHandler {

    static final String PREFIX = "/sandbox/3ds/";
    private static final String HTML = "text/html; charset=UTF-8";

    private final SandboxEngine engine;

    ChallengeHandler(SandboxEngine engine) {
        this.engine = engine;
    }

    Publisher<Void> handle(String method, String path, HttpServerResponse response) {
        String rest = path.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        String paymentId = slash < 0 ? rest : rest.substring(0, slash);
        String action = slash < 0 ? "" : rest.substring(slash + 1);
        if ("GET".equals(method) && action.isEmpty()) {
            return Mono.fromCallable(() -> engine.challenge(paymentId)).subscribeOn(Schedulers.boundedElastic())
                    .flatMap(view -> Mono.from(page(response, view)));
        }
        if ("POST".equals(method) && ("complete".equals(action) || "fail".equals(action))) {
            boolean passed = "complete".equals(action);
            return Mono.fromCallable(() -> engine.completeChallenge(paymentId, passed))
                    .subscribeOn(Schedulers.boundedElastic())
                    .flatMap(view -> Mono.from(view.isEmpty() ? notFound(response)
                            : response.status(303).header("Location", view.get().redirectUrl()).send()));
        }
        return notFound(response);
    }

    private Publisher<Void> page(HttpServerResponse response, Optional<ChallengeView> found) {
        if (found.isEmpty()) {
            return notFound(response);
        }
        ChallengeView view = found.get();
        String base = PREFIX + escape(view.paymentId());
        String actions = view.waiting()
                ? "<form method=\"post\" action=\"" + base + "/complete\"><button id=\"complete\">Authenticate</button></form>"
                        + "<form method=\"post\" action=\"" + base + "/fail\"><button id=\"fail\">Fail authentication</button></form>"
                : "<p>This challenge is finished: payment status <b id=\"status\">" + escape(view.status()) + "</b>.</p>"
                        + "<p><a href=\"" + escape(view.redirectUrl()) + "\">Back to the merchant</a></p>";
        String html = "<!DOCTYPE html><html><head><title>Sandbox 3-D Secure</title></head><body>"
                + "<h1>Sandbox 3-D Secure challenge</h1>"
                + "<p>Payment <code>" + escape(view.paymentId()) + "</code>: " + escape(view.amount().currency()) + " "
                + view.amount().value() + " (minor units) with card " + escape(view.maskedCard()) + "</p>"
                + actions + "</body></html>";
        return HttpReplies.text(response, 200, HTML, html);
    }

    private static Publisher<Void> notFound(HttpServerResponse response) {
        return HttpReplies.text(response, 404, HTML, "<html><body>No such payment</body></html>");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
