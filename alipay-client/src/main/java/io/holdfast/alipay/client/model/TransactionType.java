package io.holdfast.alipay.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** {@code transactions[].transactionType} of inquiryPayment. */
public enum TransactionType {
    PAYMENT, REFUND, CAPTURE, CANCEL, AUTHORIZATION, VOID, INCREMENTAL,
    /** A value this client does not know. */
    @JsonEnumDefaultValue
    UNRECOGNIZED
}
