package io.holdfast.alipay.sandbox.core;

/**
 * Antom's {@code result} object.
 *
 * @param resultCode e.g. {@code SUCCESS}, {@code DO_NOT_HONOR}
 * @param resultStatus {@code S}, {@code F} or {@code U}
 * @param resultMessage human-readable text (never contains card data)
 */
public record ApiResult(String resultCode, String resultStatus, String resultMessage) {

    public static final ApiResult SUCCESS = new ApiResult("SUCCESS", "S", "success.");
    public static final ApiResult PAYMENT_IN_PROCESS = new ApiResult("PAYMENT_IN_PROCESS", "U", "payment in process");
    public static final ApiResult CAPTURE_IN_PROCESS = new ApiResult("CAPTURE_IN_PROCESS", "U", "capture in process");
    public static final ApiResult REFUND_IN_PROCESS = new ApiResult("REFUND_IN_PROCESS", "U", "refund in process");
    public static final ApiResult UNKNOWN_EXCEPTION =
            new ApiResult("UNKNOWN_EXCEPTION", "U", "An API calling is failed, which is caused by unknown reasons.");

    public static ApiResult failed(String code, String message) {
        return new ApiResult(code, "F", message);
    }

    public static ApiResult paramIllegal(String message) {
        return failed("PARAM_ILLEGAL", message);
    }

    public boolean isSuccess() {
        return "S".equals(resultStatus);
    }
}
