package io.holdfast.alipay.client.model;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads the ISO-8601 datetimes Antom puts in bodies ({@code 2019-11-27T12:01:01+08:00}); lenient by design. */
public final class AlipayTimes {

    private AlipayTimes() {
    }

    /** Empty for null, blank or unparseable values: the caller decides what a missing time means. */
    public static Optional<OffsetDateTime> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parseOffset(value.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Exactly {@link OffsetDateTime#parse(CharSequence)} (ISO 8601 with an offset; throws
     * {@link DateTimeParseException} for what it refuses), with a fast path for the shapes Antom sends, {@code 2019-11-27T12:01:01+08:00} and
     * {@code 2019-11-27T12:01:01Z}: the general parser costs a few microseconds, and every notification carries up to
     * three times that both the edge's rules and its parser read. Anything else, or any value out of range, goes to
     * the general parser, which decides.
     */
    public static OffsetDateTime parseOffset(CharSequence value) {
        OffsetDateTime fast = usualShape(value);
        return fast != null ? fast : OffsetDateTime.parse(value);
    }

    private static OffsetDateTime usualShape(CharSequence v) {
        int length = v.length();
        if (length != 20 && length != 25 || !dateTimeSeparators(v)) {
            return null;
        }
        ZoneOffset offset = length == 20 ? utc(v) : offset(v);
        return offset == null ? null : dateTime(v, offset);
    }

    private static boolean dateTimeSeparators(CharSequence v) {
        return v.charAt(4) == '-' && v.charAt(7) == '-' && v.charAt(10) == 'T' && v.charAt(13) == ':'
                && v.charAt(16) == ':';
    }

    private static ZoneOffset utc(CharSequence v) {
        return v.charAt(19) == 'Z' ? ZoneOffset.UTC : null;
    }

    /** {@code +HH:MM} or {@code -HH:MM} below 18 hours (the general parser takes the rest). */
    private static ZoneOffset offset(CharSequence v) {
        char sign = v.charAt(19);
        int hours = digits(v, 20, 2, 17);
        int minutes = digits(v, 23, 2, 59);
        if (sign != '+' && sign != '-' || v.charAt(22) != ':' || hours < 0 || minutes < 0) {
            return null;
        }
        int seconds = (hours * 60 + minutes) * 60;
        return ZoneOffset.ofTotalSeconds(sign == '-' ? -seconds : seconds);
    }

    private static OffsetDateTime dateTime(CharSequence v, ZoneOffset offset) {
        int year = digits(v, 0, 4, 9999);
        int month = digits(v, 5, 2, 12);
        int day = digits(v, 8, 2, 31);
        int hour = digits(v, 11, 2, 23);
        int minute = digits(v, 14, 2, 59);
        int second = digits(v, 17, 2, 59);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, 0, offset);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The decimal value of {@code count} ASCII digits from {@code start}; -1 when one is not a digit or above max. */
    private static int digits(CharSequence v, int start, int count, int max) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= max ? value : -1;
    }
}
