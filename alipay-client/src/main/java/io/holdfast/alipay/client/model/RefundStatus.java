package io.holdfast.alipay.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** {@code refundStatus} of inquiryRefund and notifyRefund (antom-refunds.md 5, 6). */
public enum RefundStatus {
    /** The refund succeeded (final). */
    SUCCESS,
    /** Accepted, not final yet (inquiryRefund only: notifyRefund is never sent while processing). */
    PROCESSING,
    /** The refund failed (final). */
    FAIL,
    /** A value this client does not know; treat as not final. */
    @JsonEnumDefaultValue
    UNRECOGNIZED
}
