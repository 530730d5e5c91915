package io.holdfast.alipay.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** {@code transactions[].transactionStatus} of inquiryPayment. */
public enum TransactionStatus {
    SUCCESS, FAIL, PROCESSING, CANCELLED, PENDING,
    /** A value this client does not know; treat as not final. */
    @JsonEnumDefaultValue
    UNRECOGNIZED
}
