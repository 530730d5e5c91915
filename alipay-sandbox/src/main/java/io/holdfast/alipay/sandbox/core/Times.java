package io.holdfast.alipay.sandbox.core;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Antom's datetime text: ISO 8601 at second precision with an offset, e.g. {@code 2019-05-28T12:12:14+08:00}. */
public final class Times {

    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private Times() {
    }

    public static String format(Instant instant, ZoneOffset offset) {
        return ISO_SECONDS.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(offset));
    }
}
