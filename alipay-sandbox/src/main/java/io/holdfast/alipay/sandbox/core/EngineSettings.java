package io.holdfast.alipay.sandbox.core;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Business rules of the emulated Antom.
 *
 * @param strictCapture reject a capture below the authorized amount with PARAM_ILLEGAL (default true)
 * @param authorizationValidity authExpiryTime = authorization time + this (Antom: 7 days)
 * @param cancelWindow how long after authorization a cancel is accepted (Antom: 7 days)
 * @param paymentExpiry how long a payment waits for the buyer (3DS) before it is closed (Antom: ~14 min)
 * @param offset offset used in every datetime the sandbox writes
 * @param publicBaseUrl base URL the buyer's browser reaches the sandbox at (for the 3DS challenge page)
 * @param defaultNotifyUrl per client id, the notification URL used when pay has no paymentNotifyUrl (nullable)
 * @param captureCompletionDelay how long (sandbox clock) a capture answered CAPTURE_IN_PROCESS takes to complete
 * @param refundCompletionDelay how long (sandbox clock) a refund answered REFUND_IN_PROCESS takes to become final
 * @param refundWindow how long after paymentTime a refund is accepted (REFUND_WINDOW_EXCEED after); Antom's card
 *     figure is UNCONFIRMED (set by contract), the sandbox default is the doc example's 6 months as 183 days
 */
public record EngineSettings(
        boolean strictCapture,
        Duration authorizationValidity,
        Duration cancelWindow,
        Duration paymentExpiry,
        ZoneOffset offset,
        Supplier<String> publicBaseUrl,
        Function<String, String> defaultNotifyUrl,
        Duration captureCompletionDelay,
        Duration refundCompletionDelay,
        Duration refundWindow) {

    /** The default completion delay of asynchronous captures. */
    public static final Duration DEFAULT_CAPTURE_COMPLETION_DELAY = Duration.ofSeconds(10);
    /** The default completion delay of (always asynchronous) card refunds. */
    public static final Duration DEFAULT_REFUND_COMPLETION_DELAY = Duration.ofSeconds(10);
    /** The default refund window from paymentTime (UNCONFIRMED for cards: the doc example's 6 months). */
    public static final Duration DEFAULT_REFUND_WINDOW = Duration.ofDays(183);

    /** Settings with the default refund delay and window. */
    public EngineSettings(boolean strictCapture, Duration authorizationValidity, Duration cancelWindow,
            Duration paymentExpiry, ZoneOffset offset, Supplier<String> publicBaseUrl,
            Function<String, String> defaultNotifyUrl, Duration captureCompletionDelay) {
        this(strictCapture, authorizationValidity, cancelWindow, paymentExpiry, offset, publicBaseUrl,
                defaultNotifyUrl, captureCompletionDelay, DEFAULT_REFUND_COMPLETION_DELAY, DEFAULT_REFUND_WINDOW);
    }

    /** Settings with the default {@link #DEFAULT_CAPTURE_COMPLETION_DELAY}. */
    public EngineSettings(boolean strictCapture, Duration authorizationValidity, Duration cancelWindow,
            Duration paymentExpiry, ZoneOffset offset, Supplier<String> publicBaseUrl,
            Function<String, String> defaultNotifyUrl) {
        this(strictCapture, authorizationValidity, cancelWindow, paymentExpiry, offset, publicBaseUrl,
                defaultNotifyUrl, DEFAULT_CAPTURE_COMPLETION_DELAY);
    }
}
