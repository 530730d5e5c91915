package io.holdfast.capture.application;

import io.holdfast.capture.domain.DeadlineAnomaly;

/** Port: counts PaymentAuthorized events whose authExpiryTime could not be used as given (a metric). */
public interface DeadlineAnomalies {

    /** One more authorization with {@code anomaly}. */
    void record(DeadlineAnomaly anomaly);
}
