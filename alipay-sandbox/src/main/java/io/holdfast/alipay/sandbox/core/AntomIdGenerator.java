package io.holdfast.alipay.sandbox.core;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * Produces identifiers shaped like Antom's: a 14-digit timestamp followed by 21 random digits for paymentId,
 * captureId and the like (35 digits, e.g. {@code 20220919194010890100111740275820195}), and opaque
 * {@code ALIPAY_TOKEN_<hex>} card tokens.
 */
public final class AntomIdGenerator implements IdGenerator {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final RandomGenerator random;

    public AntomIdGenerator(Clock clock, RandomGenerator random) {
        this.clock = clock;
        this.random = random;
    }

    @Override
    public synchronized String next(IdKind kind) {
        return switch (kind) {
            case CARD_TOKEN -> "ALIPAY_TOKEN_" + hex(24);
            case NETWORK_TRANSACTION -> digits(15);
            case PAYMENT, CAPTURE, AUTO_CAPTURE_REQUEST, TRANSACTION, REFUND -> STAMP.format(clock.instant()) + digits(21);
        };
    }

    private String digits(int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    private String hex(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return HexFormat.of().withUpperCase().formatHex(raw);
    }
}
