package io.holdfast.alipay.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** {@code result.resultStatus}: S (succeeded), F (failed), U (unknown or in process). */
public enum ResultStatus {
    /** The call succeeded. */
    S,
    /** The call failed; act on the result code. */
    F,
    /** Unknown or still in process; act on the result code (never a failure by itself). */
    U,
    /** A value this client does not know; handled like {@link #U}. */
    @JsonEnumDefaultValue
    UNRECOGNIZED
}
