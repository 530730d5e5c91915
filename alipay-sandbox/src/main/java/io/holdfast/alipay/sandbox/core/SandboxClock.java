package io.holdfast.alipay.sandbox.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The emulator's clock: a base clock (the system clock when running for real, a fixed clock in tests) plus an
 * offset that only ever grows. Moving the clock forward is how tests reach the 7-day authorization expiry or
 * the notification retry schedule without waiting.
 */
public final class SandboxClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;

    public SandboxClock(Clock base) {
        this(base, new AtomicReference<>(Duration.ZERO));
    }

    private SandboxClock(Clock base, AtomicReference<Duration> offset) {
        this.base = base;
        this.offset = offset;
    }

    /** Moves the clock forward; a negative duration is refused (time never goes backwards in the sandbox). */
    public Instant advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the sandbox clock only moves forward, got " + by);
        }
        offset.accumulateAndGet(by, Duration::plus);
        return instant();
    }

    /** How far the clock has been moved past its base clock in total. */
    public Duration offset() {
        return offset.get();
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new SandboxClock(base.withZone(zone), offset);
    }
}
