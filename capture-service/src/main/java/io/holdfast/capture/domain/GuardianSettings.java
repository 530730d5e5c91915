package io.holdfast.capture.domain;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The guardian's rules, free of any framework (the configuration record maps onto it).
 *
 * @param defaultPolicy the policy when PaymentAuthorized carries none
 * @param deadlineFallback deadline = authorization time + this when Antom gave no authExpiryTime
 * @param safetyMargin the policy acts at deadline - this
 * @param warnings offsets before the deadline at which CaptureDeadlineApproaching is emitted, largest first
 * @param recheck the longest wait between two inquiries of an unconfirmed capture
 * @param minimumRecheck the shortest wait between two inquiries (the cadence tightens towards it near the deadline)
 * @param autoCaptureGrace how long to wait for an automatic capture's notifyCapture before inquiring
 * @param requestTimeout the whole-call timeout of a capture: a capture sent at t may be processed until t + this
 * @param clockSkewAllowance how far our clock may be behind Antom's; no capture is sent unless
 *     now + requestTimeout + clockSkewAllowance is before the deadline
 */
public record GuardianSettings(DeadlinePolicy defaultPolicy, Duration deadlineFallback, Duration safetyMargin,
        List<Duration> warnings, Duration recheck, Duration minimumRecheck, Duration autoCaptureGrace,
        Duration requestTimeout, Duration clockSkewAllowance) {

    public GuardianSettings {
        Objects.requireNonNull(defaultPolicy, "defaultPolicy");
        requirePositive(deadlineFallback, "deadlineFallback");
        requirePositive(safetyMargin, "safetyMargin");
        requirePositive(recheck, "recheck");
        requirePositive(minimumRecheck, "minimumRecheck");
        requirePositive(autoCaptureGrace, "autoCaptureGrace");
        requirePositive(requestTimeout, "requestTimeout");
        Objects.requireNonNull(clockSkewAllowance, "clockSkewAllowance");
        if (clockSkewAllowance.isNegative()) {
            throw new IllegalArgumentException("clockSkewAllowance must not be negative: " + clockSkewAllowance);
        }
        warnings = warnings.stream().map(w -> requirePositive(w, "warning")).distinct()
                .sorted(Comparator.reverseOrder()).toList();
        if (safetyMargin.compareTo(deadlineFallback) >= 0) {
            throw new IllegalArgumentException("safetyMargin must be shorter than the deadline");
        }
        if (sendMargin(requestTimeout, clockSkewAllowance).compareTo(safetyMargin) >= 0) {
            throw new IllegalArgumentException("requestTimeout + clockSkewAllowance must be shorter than safetyMargin");
        }
    }

    /**
     * The defaults: CAPTURE, 7 days, 12 h margin, warnings at T-48h, T-24h, T-6h, 8 s request timeout, 2 min skew.
     */
    public static GuardianSettings defaults() {
        return new GuardianSettings(DeadlinePolicy.CAPTURE, Duration.ofDays(7), Duration.ofHours(12),
                List.of(Duration.ofHours(48), Duration.ofHours(24), Duration.ofHours(6)), Duration.ofMinutes(10),
                Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofSeconds(8), Duration.ofMinutes(2));
    }

    /** How long before the deadline the last capture may be sent: request timeout + clock-skew allowance. */
    public Duration sendMargin() {
        return sendMargin(requestTimeout, clockSkewAllowance);
    }

    private static Duration sendMargin(Duration requestTimeout, Duration clockSkewAllowance) {
        return requestTimeout.plus(clockSkewAllowance);
    }

    private static Duration requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
        return d;
    }
}
