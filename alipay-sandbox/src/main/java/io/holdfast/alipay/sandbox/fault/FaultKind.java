package io.holdfast.alipay.sandbox.fault;

/** Faults the sandbox can inject into API calls. */
public enum FaultKind {
    /** Answer {@code U/UNKNOWN_EXCEPTION} (signed). Not applied unless {@code apply} is set. */
    UNKNOWN_EXCEPTION(false),
    /** Apply the operation, then hold the (normal, signed) answer back for {@code latency} (default 30 s). */
    APPLY_THEN_TIMEOUT(true),
    /** Answer with HTTP {@code httpStatus} (default 503) and a non-JSON body. Not applied unless {@code apply}. */
    HTTP_5XX(false),
    /** Apply and answer normally, but only after {@code latency} (default 2 s). */
    LATENCY(true),
    /** Close the connection without answering (TCP reset). Not applied unless {@code apply} is set. */
    CONNECTION_RESET(false),
    /** Apply and answer normally, without the {@code signature} header. */
    UNSIGNED_RESPONSE(true),
    /** Apply and answer normally, with a signature from a key that is not the sandbox's. */
    WRONG_SIGNATURE(true),
    /**
     * capture only: a capture that would succeed is answered {@code U/CAPTURE_IN_PROCESS} (signed) and completes
     * after the capture completion delay (sandbox clock) or on {@code POST /sandbox/control/captures/complete},
     * then notifyCapture is sent. Other APIs answer normally.
     */
    CAPTURE_IN_PROCESS(true);

    private final boolean appliedByDefault;

    FaultKind(boolean appliedByDefault) {
        this.appliedByDefault = appliedByDefault;
    }

    public boolean appliedByDefault() {
        return appliedByDefault;
    }
}
