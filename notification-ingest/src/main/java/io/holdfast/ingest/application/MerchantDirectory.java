package io.holdfast.ingest.application;

import io.holdfast.ingest.domain.merchant.Merchant;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Authenticates merchants by API key. Keys are configured only as their SHA-256 (hex); a presented key is hashed and
 * looked up, so no key is ever held in configuration or memory in clear beyond the request that carries it.
 */
public final class MerchantDirectory {

    private final Map<String, Merchant> byKeyHash;

    /** @param byKeyHash merchants by the lower-case hex SHA-256 of their API key */
    public MerchantDirectory(Map<String, Merchant> byKeyHash) {
        this.byKeyHash = Map.copyOf(byKeyHash);
    }

    public Optional<Merchant> authenticate(String presentedKey) {
        if (presentedKey == null || presentedKey.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(byKeyHash.get(sha256Hex(presentedKey.strip())));
    }

    public static String sha256Hex(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
