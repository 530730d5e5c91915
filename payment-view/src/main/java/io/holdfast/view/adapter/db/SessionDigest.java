package io.holdfast.view.adapter.db;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The console sessions' one digest, lower-case hex SHA-256 of a string's UTF-8 bytes: a session's id is kept only so
 * (its row's key), and so is the password hash its login logged in with (the session's credential mark, see
 * {@code SecurityConfiguration.checkedAgainst}).
 */
public final class SessionDigest {

    private SessionDigest() {
    }

    public static String of(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
