package io.holdfast.alipay.client.model;

/**
 * The {@code result} object every Antom response and notification carries.
 *
 * @param resultCode Antom's code (at most 64 characters), e.g. {@code SUCCESS}
 * @param resultStatus S, F or U; {@code null} when absent
 * @param resultMessage free text (at most 256 characters)
 */
public record Result(String resultCode, ResultStatus resultStatus, String resultMessage) {

    public static Result success() {
        return new Result("SUCCESS", ResultStatus.S, "success");
    }
}
