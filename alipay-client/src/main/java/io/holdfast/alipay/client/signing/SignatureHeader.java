package io.holdfast.alipay.client.signing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
        return "algorithm=" + algorithm + ",keyVersion=" + (keyVersion == null ? 1 : keyVersion) + ",signature="
                + urlEncodedBase64(signature);
    }

    /**
     * Base64, URL-encoded exactly as {@code URLEncoder.encode(base64, UTF_8)} does it ({@code +} → {@code %2B},
     * {@code /} → {@code %2F}, {@code =} → {@code %3D}; letters and digits stay) without URLEncoder's per-character
     * cost, which a profile showed next to the RSA work on every call.
     */
    private static String urlEncodedBase64(byte[] bytes) {
        byte[] base64 = Base64.getEncoder().encode(bytes);
        int escapes = 0;
        for (byte b : base64) {
            if (b == '+' || b == '/' || b == '=') {
                escapes++;
            }
        }
        byte[] out = new byte[base64.length + 2 * escapes];
        int at = 0;
        for (byte b : base64) {
            switch (b) {
                case '+' -> at = escape(out, at, '2', 'B');
                case '/' -> at = escape(out, at, '2', 'F');
                case '=' -> at = escape(out, at, '3', 'D');
                default -> out[at++] = b;
            }
        }
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    private static int escape(byte[] out, int at, char high, char low) {
        out[at] = '%';
        out[at + 1] = (byte) high;
        out[at + 2] = (byte) low;
        return at + 3;
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
            byte[] bytes = signature.indexOf('%') >= 0 ? Base64.getDecoder().decode(urlDecoded(signature))
                    : Base64.getDecoder().decode(signature);
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
     * The bytes {@code Base64.getDecoder().decode(URLDecoder.decode(value, UTF_8))} would decode, for what a base64
     * value can hold: {@code +} is a space, {@code %XX} a byte, and a truncated or non-hex escape an
     * {@link IllegalArgumentException}, as there; a space or an escape above ASCII is then refused by the base64
     * decoder, so such a header stays malformed, as with URLDecoder. Only called when the value holds a {@code %}: a
     * raw base64 value keeps its {@code +} (URLDecoder would turn it into a space and break the base64).
     */
    private static byte[] urlDecoded(String value) {
        byte[] out = new byte[value.length()];
        int length = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '+') {
                out[length++] = ' ';
            } else if (c == '%') {
                if (i + 2 >= value.length()) {
                    throw new IllegalArgumentException("incomplete escape in signature");
                }
                int high = Character.digit(value.charAt(i + 1), 16);
                int low = Character.digit(value.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException("malformed escape in signature");
                }
                out[length++] = (byte) (high * 16 + low);
                i += 2;
            } else {
                // as Base64.Decoder.decode(String) reads a String: ISO-8859-1, '?' for anything beyond
                out[length++] = c > 0xFF ? (byte) '?' : (byte) c;
            }
        }
        return Arrays.copyOf(out, length);
    }
}
