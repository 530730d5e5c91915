package io.holdfast.alipay.client;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Masks card data and secrets in Antom JSON bodies before anything is logged:
 * <ul>
 *   <li>{@code cardNo}: first 6 and last 4 digits kept ({@code 405469******0768});</li>
 *   <li>CVV, expiry, card password, 3DS cryptograms: fully masked;</li>
 *   <li>card tokens and {@code paymentMethodId}: only the last 4 characters kept;</li>
 *   <li>any other string value: every 13–19 digit run that passes the Luhn check is masked like a card number.</li>
 * </ul>
 * A body that is not JSON is never logged verbatim: it is reduced to its length and a masked, truncated prefix.
 */
public final class SensitiveDataMasker {

    private static final Set<String> FULLY_MASKED = Set.of("cvv", "cvc", "cvv2", "cvn", "securitycode", "expiryyear",
            "expirymonth", "expirydate", "expiry", "cardpassworddigest", "cavv", "xid", "accesstoken", "password");
    private static final Set<String> TOKENS = Set.of("cardtoken", "paymentmethodid", "networktransactionid");
    private static final Set<String> PANS = Set.of("cardno", "pan", "cardnumber", "maskedcardno");
    /** The fewest digits of a card number (a {@link #DIGIT_RUN} match). */
    private static final int CARD_DIGITS_MIN = 13;
    private static final Pattern DIGIT_RUN = Pattern.compile("(?<!\\d)\\d(?:[ -]?\\d){12,18}(?!\\d)");
    private static final Pattern SENSITIVE_PAIR = Pattern.compile(
            "(?i)(\"?(?:cvv2?|cvc|cvn|expiry\\w*|cardPasswordDigest|cardToken|paymentMethodId|accessToken)\"?\\s*[:=]\\s*\"?)"
                    + "[^\"&,;}\\s]*");
    private static final int UNPARSEABLE_PREFIX = 200;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SensitiveDataMasker() {
    }

    /** The body as masked JSON text, safe to log. */
    public static String mask(byte[] body) {
        try {
            JsonNode tree = AlipayJson.mapper().readTree(body);
            return tree == null ? "" : AlipayJson.mapper().writeValueAsString(maskNode(tree));
        } catch (JacksonException e) {
            // not JSON: mask values of sensitive keys and every long digit run, Luhn-valid or not, then truncate
            String text = SENSITIVE_PAIR.matcher(new String(body, StandardCharsets.UTF_8)).replaceAll("$1***");
            text = DIGIT_RUN.matcher(text).replaceAll(run -> maskPan(run.group()));
            String prefix = text.length() > UNPARSEABLE_PREFIX ? text.substring(0, UNPARSEABLE_PREFIX) : text;
            return "<not JSON, " + body.length + " bytes> " + prefix;
        }
    }

    /** A card number with only the first 6 and last 4 digits kept; fully masked when shorter than 13 digits. */
    public static String maskPan(String pan) {
        String digits = pan.replaceAll("\\D", "");
        if (digits.length() < 13) {
            return "*".repeat(pan.length());
        }
        return digits.substring(0, 6) + "*".repeat(digits.length() - 10) + digits.substring(digits.length() - 4);
    }

    /** Masks every Luhn-valid 13–19 digit run (spaces or dashes allowed between digits) in free text. */
    public static String maskDigitRuns(String text) {
        Matcher matcher = DIGIT_RUN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String run = matcher.group();
            matcher.appendReplacement(out, Matcher.quoteReplacement(luhnValid(run) ? maskPan(run) : run));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /**
     * True when {@code text} holds a card number: a 13–19 digit run (spaces or dashes allowed between digits) that
     * passes the Luhn check, the same runs {@link #maskDigitRuns} masks, except runs starting with {@code 0}: no card
     * number does (ISO/IEC 7812 assigns no issuer identifier starting with 0), while zero-padded ids do (the sandbox
     * client id {@code SANDBOX_5X00000000000000} holds fourteen zeros, which pass the Luhn check), and runs whose
     * separators do not group the digits as cards are written (4-4-4-4, 4-6-5): a UUID such as
     * {@code …-b823-4074-8695-328c…} holds the run {@code 823-4074-8695-328}, which may pass the Luhn check.
     */
    public static boolean containsCardNumber(String text) {
        if (text == null || !hasDigitRun(text, CARD_DIGITS_MIN)) {
            return false;
        }
        Matcher matcher = DIGIT_RUN.matcher(text);
        while (matcher.find()) {
            String run = matcher.group();
            boolean grouped = run.indexOf(' ') >= 0 || run.indexOf('-') >= 0;
            if (run.charAt(0) != '0' && groupedAsACard(run) && luhnValid(run)
                    && (!grouped || standsAlone(text, matcher.start(), matcher.end()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A run of at least {@code count} ASCII digits, single spaces or hyphens allowed between two digits: what a
     * {@link #DIGIT_RUN} match needs. Most values (ids, codes, ISO times, whose digits the letters and colons break
     * into short runs) have none, and this scan is far cheaper than the pattern's search, which every notification
     * runs over each of its values.
     */
    private static boolean hasDigitRun(String text, int count) {
        int run = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++run >= count) {
                    return true;
                }
            } else if (!(run > 0 && (c == ' ' || c == '-') && i + 1 < n && isDigit(text.charAt(i + 1)))) {
                run = 0;
            }
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * A card number written in groups ("4111 1111 1111 1111") stands apart from the text around it; digit groups glued
     * to letters are a part of an identifier, such as a UUID whose middle groups happen to be digits.
     */
    private static boolean standsAlone(String text, int start, int end) {
        return (start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1)))
                && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)));
    }

    private static boolean groupedAsACard(String run) {
        String[] groups = run.split("[ -]");
        if (groups.length == 1) {
            return true;
        }
        if (groups.length == 3 && groups[0].length() == 4 && groups[1].length() == 6) {
            return true;
        }
        for (int i = 0; i < groups.length - 1; i++) {
            if (groups[i].length() != 4) {
                return false;
            }
        }
        return groups[groups.length - 1].length() <= 4;
    }

    /** True when the digits of {@code text} (non-digits ignored) pass the Luhn check. */
    public static boolean luhnValid(String text) {
        String digits = text.replaceAll("\\D", "");
        if (digits.isEmpty()) {
            return false;
        }
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    private static JsonNode maskNode(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = object.properties().stream().map(Map.Entry::getKey).toList();
            for (String name : names) {
                object.set(name, maskField(name, object.get(name)));
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, maskNode(array.get(i)));
            }
            return array;
        }
        if (node.isString()) {
            return NODES.stringNode(maskDigitRuns(node.asString()));
        }
        return node;
    }

    private static JsonNode maskField(String name, JsonNode value) {
        if (!value.isValueNode() || value.isNull()) {
            return maskNode(value);
        }
        String key = name.toLowerCase(Locale.ROOT);
        String text = value.asString();
        if (FULLY_MASKED.contains(key)) {
            return NODES.stringNode("*".repeat(Math.max(3, text.length())));
        }
        if (TOKENS.contains(key)) {
            return NODES.stringNode(text.length() > 8 ? "****" + text.substring(text.length() - 4) : "****");
        }
        if (PANS.contains(key)) {
            return NODES.stringNode(maskPan(text));
        }
        return maskNode(value);
    }
}
