package io.holdfast.alipay.sandbox.http;

import io.holdfast.alipay.client.signing.SignedContent;
import io.holdfast.alipay.sandbox.ClientRegistration;
import io.holdfast.alipay.sandbox.core.ApiResult;
import java.util.Map;

/**
 * Verifies an incoming request like Antom: the {@code Client-Id} must be registered and the {@code Signature}
 * must verify, with the merchant key of the named keyVersion, over
 * {@code POST <uri as called>\n<Client-Id>.<Request-Time>.<raw body>}.
 */
final class RequestAuthenticator {

    static final ApiResult CLIENT_INVALID = ApiResult.failed("CLIENT_INVALID", "the client id is not registered");

    private final Map<String, ClientRegistration> clients;

    RequestAuthenticator(Map<String, ClientRegistration> clients) {
        this.clients = Map.copyOf(clients);
    }

    Authentication authenticate(String uri, String clientId, String requestTime, String signature, byte[] body) {
        if (clientId == null || clientId.isBlank()) {
            return new Authentication.Rejected(CLIENT_INVALID);
        }
        ClientRegistration client = clients.get(clientId);
        if (client == null) {
            return new Authentication.Rejected(CLIENT_INVALID);
        }
        if (requestTime == null || requestTime.isBlank()) {
            return new Authentication.Rejected(invalid("the Request-Time header is missing"));
        }
        if (signature == null || signature.isBlank()) {
            return new Authentication.Rejected(invalid("the Signature header is missing"));
        }
        byte[] content = SignedContent.ofPost(uri, clientId, requestTime, body);
        if (!client.merchantKeys().verify(content, signature)) {
            return new Authentication.Rejected(invalid("the signature does not verify"));
        }
        return new Authentication.Authenticated(clientId);
    }

    private static ApiResult invalid(String message) {
        return ApiResult.failed("INVALID_SIGNATURE", message);
    }
}
