package io.holdfast.alipay.sandbox.notify;

import io.holdfast.alipay.sandbox.core.Json;
import java.net.http.HttpResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Antom's acknowledgement check: HTTP 200 and a JSON body whose {@code result} is exactly
 * {@code {"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"}} (fields compared after parsing,
 * so whitespace and field order do not matter). Anything else is a failed delivery and is retried.
 */
final class Acknowledgement {

    private Acknowledgement() {
    }

    static AttemptOutcome judge(HttpResponse<String> response) {
        return response.statusCode() == 200 && acknowledges(response.body())
                ? AttemptOutcome.ACKNOWLEDGED : AttemptOutcome.NOT_ACKNOWLEDGED;
    }

    static boolean acknowledges(String body) {
        try {
            JsonNode result = Json.MAPPER.readTree(body).path("result");
            return "SUCCESS".equals(result.path("resultCode").asString(null))
                    && "S".equals(result.path("resultStatus").asString(null))
                    && "success".equals(result.path("resultMessage").asString(null));
        } catch (JacksonException e) {
            return false;
        }
    }
}
