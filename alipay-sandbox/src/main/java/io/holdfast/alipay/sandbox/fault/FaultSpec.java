package io.holdfast.alipay.sandbox.fault;

import io.holdfast.alipay.sandbox.core.Api;
import java.time.Duration;

/**
 * A fault to inject: which API (null for any), what kind, for how many of the next calls or at what rate.
 *
 * @param api the API it applies to, null for every API
 * @param kind what goes wrong
 * @param count the next N matching calls (null when {@code rate} is used)
 * @param rate the probability per matching call, 0..1 (null when {@code count} is used); lasts until cleared
 * @param latency the delay for APPLY_THEN_TIMEOUT and LATENCY
 * @param httpStatus the status for HTTP_5XX
 * @param apply whether the operation is applied to the ledger before the fault shows
 */
public record FaultSpec(Api api, FaultKind kind, Integer count, Double rate, Duration latency, int httpStatus,
        boolean apply) {

    public FaultSpec {
        if ((count == null) == (rate == null)) {
            throw new IllegalArgumentException("give exactly one of count and rate");
        }
        if (count != null && count < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
        if (rate != null && (rate <= 0 || rate > 1)) {
            throw new IllegalArgumentException("rate must be in (0, 1]");
        }
        if (latency == null) {
            latency = kind == FaultKind.LATENCY ? Duration.ofSeconds(2) : Duration.ofSeconds(30);
        }
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency cannot be negative");
        }
        if (httpStatus < 500 || httpStatus > 599) {
            throw new IllegalArgumentException("httpStatus must be 5xx");
        }
    }

    /** The next {@code count} calls of {@code api} (null: any API) fail with {@code kind}, using its defaults. */
    public static FaultSpec next(Api api, FaultKind kind, int count) {
        return new FaultSpec(api, kind, count, null, null, 503, kind.appliedByDefault());
    }

    /** Calls of {@code api} (null: any API) fail with {@code kind} with probability {@code rate}. */
    public static FaultSpec atRate(Api api, FaultKind kind, double rate) {
        return new FaultSpec(api, kind, null, rate, null, 503, kind.appliedByDefault());
    }

    public FaultSpec withLatency(Duration value) {
        return new FaultSpec(api, kind, count, rate, value, httpStatus, apply);
    }

    public FaultSpec withHttpStatus(int value) {
        return new FaultSpec(api, kind, count, rate, latency, value, apply);
    }

    public FaultSpec applied(boolean value) {
        return new FaultSpec(api, kind, count, rate, latency, httpStatus, value);
    }
}
