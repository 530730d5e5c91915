package io.holdfast.alipay.client.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link AlipayTimes#parseOffset}'s fast path must answer exactly what {@link OffsetDateTime#parse} answers. */
class AlipayTimesTests {

    private static final List<String> EDGES = List.of("2019-11-27T12:01:01+08:00", "2019-11-27T12:01:01Z",
            "2019-11-27T12:01:01-07:00", "2019-11-27T12:01:01+08:30", "2019-11-27T12:01:01-00:00",
            "2019-11-27T12:01:01.123+08:00", "2019-11-27T12:01+08:00", "2019-11-27t12:01:01+08:00",
            "2019-11-27T12:01:01z", "2024-02-29T00:00:00Z", "2023-02-29T00:00:00Z", "2019-04-31T00:00:00Z",
            "2019-11-27T24:00:00Z", "2019-11-27T23:60:00Z", "2019-11-27T23:59:60Z", "2019-13-01T00:00:00Z",
            "2019-00-01T00:00:00Z", "2019-01-00T00:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59-17:59",
            "2019-11-27T12:01:01+18:00", "2019-11-27T12:01:01-18:00", "2019-11-27T12:01:01+17:60",
            "2019-11-27T12:01:01+0800", "2019-11-27T12:01:01+08:00:00", "2019-11-27T12:01:01 08:00",
            "2019-11-27 12:01:01+08:00", "+2019-11-27T12:01:01Z", "2019-11-27T12:01:01+08:0a",
            "2019-1a-27T12:01:01+08:00", "２０19-11-27T12:01:01+08:00", "", "Z");

    @Test
    void antomsShapesAndTheirEdgesAreReadAsOffsetDateTimeReadsThem() {
        for (String value : EDGES) {
            assertThat(outcome(() -> AlipayTimes.parseOffset(value))).as(value)
                    .isEqualTo(outcome(() -> OffsetDateTime.parse(value)));
        }
    }

    @Test
    void mutatedTimesAreReadAsOffsetDateTimeReadsThem() {
        Random random = new Random(20261206L);
        String alphabet = "0123456789+-:TZ.x ";
        for (int i = 0; i < 200_000; i++) {
            char[] value = EDGES.get(random.nextInt(4)).toCharArray();
            for (int m = 0, n = 1 + random.nextInt(3); m < n; m++) {
                value[random.nextInt(value.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String text = new String(value);
            assertThat(outcome(() -> AlipayTimes.parseOffset(text))).as(text)
                    .isEqualTo(outcome(() -> OffsetDateTime.parse(text)));
        }
    }

    @Test
    void parseStaysLenientAboutBlankAndUnparseableValues() {
        assertThat(AlipayTimes.parse(" 2019-11-27T12:01:01+08:00 ")).contains(
                OffsetDateTime.parse("2019-11-27T12:01:01+08:00"));
        assertThat(AlipayTimes.parse("2019-02-30T12:01:01+08:00")).isEmpty();
        assertThat(AlipayTimes.parse(" ")).isEmpty();
        assertThat(AlipayTimes.parse(null)).isEmpty();
    }

    /** The parsed value (with its offset), or the refusal. */
    private static String outcome(Parse parse) {
        try {
            OffsetDateTime value = parse.run();
            return value.toString() + " / " + value.getOffset();
        } catch (DateTimeParseException e) {
            return "refused";
        }
    }

    private interface Parse {
        OffsetDateTime run();
    }
}
