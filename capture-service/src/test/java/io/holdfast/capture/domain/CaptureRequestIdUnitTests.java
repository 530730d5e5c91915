package io.holdfast.capture.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The MANUAL captureRequestId: deterministic, at most 64 characters (Antom's limit and the column's) and distinct for
 * every valid paymentRequestId (1-64 characters of {@code [A-Za-z0-9_\-.:]}, the edge's rule).
 */
class CaptureRequestIdUnitTests {

    private static final String ALLOWED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.:";
    private static final int PER_LENGTH = 400;

    @Test
    void fitsSixtyFourCharactersIsDeterministicAndDistinctForEveryIdLength() {
        Random random = new Random(20261205L);
        Map<String, String> idByCaptureId = new HashMap<>();
        for (int length = 1; length <= 64; length++) {
            Set<String> ids = new HashSet<>();
            // every allowed character appears at every position over the runs: the alphabet, rotated
            for (int shift = 0; shift < ALLOWED.length(); shift++) {
                ids.add(rotated(length, shift));
            }
            // length 1 has only the alphabet itself (the rotations); longer ids get PER_LENGTH random ones more
            while (length > 1 && ids.size() < PER_LENGTH + ALLOWED.length()) {
                ids.add(randomId(random, length));
            }
            for (String id : ids) {
                String captureRequestId = Authorization.captureRequestIdFor(id);
                assertThat(captureRequestId).as("captureRequestId of %s (%d chars)", id, length)
                        .hasSizeLessThanOrEqualTo(64).startsWith("cap");
                assertThat(Authorization.captureRequestIdFor(new String(id.toCharArray())))
                        .isEqualTo(captureRequestId);
                String before = idByCaptureId.put(captureRequestId, id);
                assertThat(before).as("%s and %s share %s", before, id, captureRequestId).isNull();
            }
        }
    }

    @Test
    void shortIdsKeepTheReadableFormAndLongOnesAreDigested() {
        String sixty = "a".repeat(60);
        assertThat(Authorization.captureRequestIdFor("pr-1")).isEqualTo("cap-pr-1");
        assertThat(Authorization.captureRequestIdFor(sixty)).isEqualTo("cap-" + sixty).hasSize(64);
        // SHA-256("a" x 61) in hex, first 59 characters: the same digest PostgreSQL's constraint computes
        assertThat(Authorization.captureRequestIdFor("a".repeat(61))).hasSize(64).startsWith("caph-")
                .matches("caph-[0-9a-f]{59}");
        assertThat(Authorization.captureRequestIdFor("a".repeat(64)))
                .isNotEqualTo(Authorization.captureRequestIdFor("a".repeat(63)));
    }

    private static String rotated(int length, int shift) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(ALLOWED.charAt((i + shift) % ALLOWED.length()));
        }
        return b.toString();
    }

    private static String randomId(Random random, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(ALLOWED.charAt(random.nextInt(ALLOWED.length())));
        }
        return b.toString();
    }
}
