package io.holdfast.alipay.sandbox.core;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The one JSON mapper of the sandbox and small builders for Antom's recurring objects. */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ObjectNode result(ApiResult result) {
        ObjectNode node = object();
        node.put("resultCode", result.resultCode());
        node.put("resultStatus", result.resultStatus());
        node.put("resultMessage", result.resultMessage());
        return node;
    }

    /** A response body holding only {@code result}. */
    public static ObjectNode resultOnly(ApiResult result) {
        ObjectNode node = object();
        node.set("result", result(result));
        return node;
    }

    public static ObjectNode amount(Amount amount) {
        ObjectNode node = object();
        node.put("currency", amount.currency());
        node.put("value", amount.valueText());
        return node;
    }

    public static byte[] bytes(ObjectNode node) {
        return MAPPER.writeValueAsBytes(node);
    }
}
