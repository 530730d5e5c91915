package io.holdfast.alipay.client.signing;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code Signature} header of Antom requests, responses and notifications:
 * {@code algorithm=RSA256,keyVersion=1,signature=<url-encoded base64>}.
 *
 * <p>Parsing is lenient where Antom is inconsistent: items may be separated by {@code ", "} (as the docs print
 * them) or {@code ","} (as the SDKs send them), in any order, and each item is split at its first {@code =}.
 * Formatting follows the SDKs exactly (no spaces).
 *
 * @param algorithm always {@code RSA256} (SHA256withRSA) today
 * @param keyVersion which key of the ring signed; {@code null} when the header does not say
 * @param signature the raw signature bytes (already URL-decoded and base64-decoded)
 */
public record SignatureHeader(String algorithm, Integer keyVersion, byte[] signature) {

    public static final String RSA256 = "RSA256";

    public SignatureHeader {
        if (algorithm == null || algorithm.isBlank()) {
            throw new IllegalArgumentException("algorithm is required");
        }
        if (signature == null || signature.length == 0) {
            throw new IllegalArgumentException("signature is required");
        }
        signature = signature.clone();
    }

    /** Formats as the official SDKs do: {@code algorithm=RSA256,keyVersion=N,signature=<urlencoded base64>}. */
    public String format() {
        String encoded = URLEncoder.encode(Base64.getEncoder().encodeToString(signature), StandardCharsets.UTF_8);
        return "algorithm=" + algorithm + ",keyVersion=" + (keyVersion == null ? 1 : keyVersion) + ",signature=" + encoded;
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /**
     * Parses a header value; empty when the value is absent or malformed (missing signature item, bad base64,
     * non-numeric keyVersion). A malformed header is never an exception: the caller treats it as unverifiable.
     */
    public static Optional<SignatureHeader> parse(String headerValue) {
        if (headerValue == null || headerValue.isBlank()) {
            return Optional.empty();
        }
        Map<String, String> items = items(headerValue);
        String signature = items.get("signature");
        if (signature == null || signature.isEmpty()) {
            return Optional.empty();
        }
        try {
            String keyVersion = items.get("keyversion");
            Integer version = keyVersion == null ? null : Integer.valueOf(keyVersion);
            byte[] bytes = Base64.getDecoder().decode(urlDecodedIfEncoded(signature));
            if (bytes.length == 0) {
                return Optional.empty();
            }
            return Optional.of(new SignatureHeader(items.getOrDefault("algorithm", RSA256), version, bytes));
        } catch (IllegalArgumentException e) {
            // NumberFormatException (keyVersion) is an IllegalArgumentException too: unverifiable, not an error
            return Optional.empty();
        }
    }

    /** Items split at commas, each at its first {@code =}, keys lower-cased, blanks trimmed; malformed items skipped. */
    private static Map<String, String> items(String headerValue) {
        Map<String, String> items = new HashMap<>();
        for (String item : headerValue.split(",")) {
            String trimmed = item.trim();
            int eq = trimmed.indexOf('=');
            if (eq > 0) {
                items.putIfAbsent(trimmed.substring(0, eq).trim().toLowerCase(Locale.ROOT), trimmed.substring(eq + 1).trim());
            }
        }
        return items;
    }

    /**
     * URL-decodes only what is URL-encoded: a raw base64 value (no '%') keeps its '+' (URLDecoder would turn it
     * into a space and break the base64).
     */
    private static String urlDecodedIfEncoded(String signature) {
        return signature.indexOf('%') >= 0 ? URLDecoder.decode(signature, StandardCharsets.UTF_8) : signature;
    }
}
