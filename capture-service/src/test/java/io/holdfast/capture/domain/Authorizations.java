package io.holdfast.capture.domain;

import java.time.Instant;

/** Test fixtures. */
final class Authorizations {

    static final Instant AUTHORIZED_AT = Instant.parse("2026-01-05T10:00:00Z");
    static final Instant DEADLINE = AUTHORIZED_AT.plus(java.time.Duration.ofDays(7));
    static final Money AMOUNT = new Money(1999, "USD");

    private Authorizations() {
    }

    static AuthorizedPayment manual(DeadlinePolicy policy) {
        return new AuthorizedPayment("pr-1", "ap-1", null, AMOUNT, CaptureMode.MANUAL, AUTHORIZED_AT, DEADLINE,
                policy);
    }

    static AuthorizedPayment automatic() {
        return new AuthorizedPayment("pr-2", "ap-2", null, AMOUNT, CaptureMode.AUTOMATIC, AUTHORIZED_AT, null, null);
    }
}
