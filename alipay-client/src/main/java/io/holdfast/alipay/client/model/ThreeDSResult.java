package io.holdfast.alipay.client.model;

/** 3-D Secure facts of a card payment. */
public record ThreeDSResult(String threeDSVersion, String eci, String cavv, String dsTransactionId, String xid,
        Boolean challenged, String exemptionType, Boolean threeDSOffered, Boolean challengeCancel,
        String threeDStransactionStatusReason) {

    @Override
    public String toString() {
        return "ThreeDSResult[threeDSVersion=" + threeDSVersion + ", eci=" + eci + ", challenged=" + challenged
                + ", exemptionType=" + exemptionType + "]";
    }
}
