package io.holdfast.alipay.client.signing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The content Antom signs: {@code POST <uri>\n<clientId>.<time>.<body>} (reference section 1.3).
 *
 * <p>The body is taken as the exact bytes sent or received, never re-serialized: the signature covers the bytes
 * on the wire. {@code time} is the {@code Request-Time} (requests, notifications) or {@code response-time}
 * (responses) header value verbatim, treated as an opaque string.
 */
public final class SignedContent {

    private SignedContent() {
    }

    public static byte[] of(String httpMethod, String uri, String clientId, String time, byte[] body) {
        byte[] head = (httpMethod + " " + uri + "\n" + clientId + "." + time + ".").getBytes(StandardCharsets.UTF_8);
        byte[] content = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, content, head.length, body.length);
        return content;
    }

    public static byte[] ofPost(String uri, String clientId, String time, byte[] body) {
        return of("POST", uri, clientId, time, body);
    }
}
