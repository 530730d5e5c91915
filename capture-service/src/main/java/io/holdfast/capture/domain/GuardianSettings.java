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
 */
public record GuardianSettings(DeadlinePolicy defaultPolicy, Duration deadlineFallback, Duration safetyMargin,
        List<Duration> warnings, Duration recheck, Duration minimumRecheck, Duration autoCaptureGrace) {

    public GuardianSettings {
        Objects.requireNonNull(defaultPolicy, "defaultPolicy");
        requirePositive(deadlineFallback, "deadlineFallback");
        requirePositive(safetyMargin, "safetyMargin");
        requirePositive(recheck, "recheck");
        requirePositive(minimumRecheck, "minimumRecheck");
        requirePositive(autoCaptureGrace, "autoCaptureGrace");
        warnings = warnings.stream().map(w -> requirePositive(w, "warning")).distinct()
                .sorted(Comparator.reverseOrder()).toList();
        if (safetyMargin.compareTo(deadlineFallback) >= 0) {
            throw new IllegalArgumentException("safetyMargin must be shorter than the deadline");
        }
    }

    /** The defaults: CAPTURE, 7 days, 12 h margin, warnings at T-48h, T-24h, T-6h. */
    public static GuardianSettings defaults() {
        return new GuardianSettings(DeadlinePolicy.CAPTURE, Duration.ofDays(7), Duration.ofHours(12),
                List.of(Duration.ofHours(48), Duration.ofHours(24), Duration.ofHours(6)), Duration.ofMinutes(10),
                Duration.ofSeconds(30), Duration.ofMinutes(15));
    }

    private static Duration requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
        return d;
    }
}
