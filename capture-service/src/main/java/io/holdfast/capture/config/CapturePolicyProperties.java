package io.holdfast.capture.config;

import io.holdfast.capture.domain.DeadlinePolicy;
import io.holdfast.capture.domain.GuardianSettings;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code holdfast.capture.policy.*}: the deadline guardian's rules. Validated at startup by {@link GuardianSettings}.
 *
 * @param defaultPolicy what happens to an uncaptured MANUAL authorization when PaymentAuthorized names no policy
 * @param deadline the capture deadline after the authorization when Antom gives no authExpiryTime
 * @param safetyMargin the policy acts at deadline minus this, leaving room for retries and inquiries
 * @param warnings offsets before the deadline at which CaptureDeadlineApproaching is emitted (each once)
 * @param recheck the longest wait between inquiries of an unconfirmed capture
 * @param minimumRecheck the shortest wait between inquiries (reached close to the deadline)
 * @param autoCaptureGrace how long an AUTOMATIC capture's notifyCapture may take before the service inquires
 * @param clockSkewAllowance how far our clock may be behind Antom's (default 2 min): no capture is sent unless
 *     now + request timeout ({@code holdfast.alipay.timeout}) + this is before the deadline
 */
@ConfigurationProperties("holdfast.capture.policy")
public record CapturePolicyProperties(DeadlinePolicy defaultPolicy, Duration deadline, Duration safetyMargin,
        List<Duration> warnings, Duration recheck, Duration minimumRecheck, Duration autoCaptureGrace,
        Duration clockSkewAllowance) {

    public CapturePolicyProperties {
        defaultPolicy = defaultPolicy == null ? DeadlinePolicy.CAPTURE : defaultPolicy;
        deadline = deadline == null ? Duration.ofDays(7) : deadline;
        safetyMargin = safetyMargin == null ? Duration.ofHours(12) : safetyMargin;
        warnings = warnings == null ? List.of(Duration.ofHours(48), Duration.ofHours(24), Duration.ofHours(6))
                : warnings;
        recheck = recheck == null ? Duration.ofMinutes(10) : recheck;
        minimumRecheck = minimumRecheck == null ? Duration.ofSeconds(30) : minimumRecheck;
        autoCaptureGrace = autoCaptureGrace == null ? Duration.ofMinutes(15) : autoCaptureGrace;
        clockSkewAllowance = clockSkewAllowance == null ? Duration.ofMinutes(2) : clockSkewAllowance;
    }

    GuardianSettings toSettings(Duration requestTimeout) {
        return new GuardianSettings(defaultPolicy, deadline, safetyMargin, warnings, recheck, minimumRecheck,
                autoCaptureGrace, requestTimeout, clockSkewAllowance);
    }
}
