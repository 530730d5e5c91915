package io.holdfast.authorization.adapter.alipay;

import io.holdfast.alipay.client.ResultCode;
import io.holdfast.authorization.domain.AdvisedAction;

/** Antom's documented further action for a result code, in the contract's vocabulary. */
public final class DeclineAdvice {

    private DeclineAdvice() {
    }

    /** The advice for Antom's raw code (unlisted codes: UNSPECIFIED). */
    public static AdvisedAction forCode(String rawCode) {
        return of(ResultCode.of(rawCode).action());
    }

    static AdvisedAction of(ResultCode.Action action) {
        return switch (action) {
            case NONE, AWAIT_RESULT -> AdvisedAction.NONE;
            case RETRY_SAME_ID -> AdvisedAction.RETRY_SAME_REQUEST;
            case INQUIRE -> AdvisedAction.UNSPECIFIED;
            case NEW_REQUEST_ID, RETRY_WITH_3DS -> AdvisedAction.RETRY_WITH_NEW_REQUEST_ID;
            case FIX_REQUEST -> AdvisedAction.FIX_REQUEST;
            case FIX_CONFIGURATION, CONTACT_SUPPORT -> AdvisedAction.CONTACT_SUPPORT;
            case DECLINED -> AdvisedAction.TRY_ANOTHER_PAYMENT_METHOD;
            case REFUND_INSTEAD, DO_NOT_RETRY -> AdvisedAction.DO_NOT_RETRY;
        };
    }
}
