package io.holdfast.alipay.sandbox.core;

/**
 * A request field is missing or malformed. Raised while reading a request and turned into Antom's
 * {@code PARAM_ILLEGAL}/F at the edge of each operation; the message names the field.
 */
public final class ParamIllegalException extends RuntimeException {

    public ParamIllegalException(String message) {
        super(message, null, false, false);
    }

    public ApiResult result() {
        return ApiResult.paramIllegal(getMessage());
    }
}
