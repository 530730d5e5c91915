package io.holdfast.alipay.sandbox.http;

import io.holdfast.alipay.client.signing.SignedContent;
import io.holdfast.alipay.client.signing.Signer;
import io.holdfast.alipay.sandbox.core.Times;
import java.time.Clock;
import java.time.ZoneOffset;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Adds Antom's response headers: {@code client-id}, {@code response-time} (ISO 8601, second precision, with
 * offset, from the sandbox clock) and {@code signature} over
 * {@code POST <request uri>\n<client-id>.<response-time>.<body>}.
 */
final class ResponseSigner {

    /** How the response is signed. */
    enum Mode { SIGNED, UNSIGNED, WRONGLY_SIGNED }

    private final Signer signer;
    private final Signer impostor;
    private final Clock clock;
    private final ZoneOffset offset;

    ResponseSigner(Signer signer, Signer impostor, Clock clock, ZoneOffset offset) {
        this.signer = signer;
        this.impostor = impostor;
        this.clock = clock;
        this.offset = offset;
    }

    void apply(HttpServerResponse response, String uri, String clientId, byte[] body, Mode mode) {
        String responseTime = Times.format(clock.instant(), offset);
        response.header("client-id", clientId);
        response.header("response-time", responseTime);
        byte[] content = SignedContent.ofPost(uri, clientId, responseTime, body);
        switch (mode) {
            case SIGNED -> response.header("signature", signer.sign(content).format());
            case WRONGLY_SIGNED -> response.header("signature", impostor.sign(content).format());
            case UNSIGNED -> {
                // the fault: no signature header at all
            }
        }
    }
}
