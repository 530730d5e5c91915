package io.holdfast.alipay.client.signing;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
        String algorithm = null;
        Integer keyVersion = null;
        String signature = null;
        for (String item : headerValue.split(",")) {
            String trimmed = item.trim();
            int eq = trimmed.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = trimmed.substring(0, eq).trim();
            String value = trimmed.substring(eq + 1).trim();
            if (key.equalsIgnoreCase("algorithm")) {
                algorithm = value;
            } else if (key.equalsIgnoreCase("keyVersion")) {
                try {
                    keyVersion = Integer.valueOf(value);
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            } else if (key.equalsIgnoreCase("signature")) {
                signature = value;
            }
        }
        if (signature == null || signature.isEmpty()) {
            return Optional.empty();
        }
        try {
            // URL-decode only what is URL-encoded: a raw base64 value (no '%') keeps its '+' (URLDecoder would
            // turn it into a space and break the base64).
            String base64 = signature.indexOf('%') >= 0 ? URLDecoder.decode(signature, StandardCharsets.UTF_8) : signature;
            byte[] bytes = Base64.getDecoder().decode(base64);
            if (bytes.length == 0) {
                return Optional.empty();
            }
            return Optional.of(new SignatureHeader(algorithm == null ? RSA256 : algorithm, keyVersion, bytes));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
