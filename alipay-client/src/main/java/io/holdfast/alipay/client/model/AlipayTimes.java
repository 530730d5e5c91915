package io.holdfast.alipay.client.model;

import java.time.OffsetDateTime;
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
            return Optional.of(OffsetDateTime.parse(value.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
