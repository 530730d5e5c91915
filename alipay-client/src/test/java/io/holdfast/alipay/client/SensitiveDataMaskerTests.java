package io.holdfast.alipay.client;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.holdfast.alipay.client.AlipayClientProperties.Timeouts;
import io.holdfast.alipay.client.AlipayClientProperties.Tls;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SensitiveDataMaskerTests {

    private static final Pattern CARD_LIKE = Pattern.compile("(?<!\\d)\\d(?:[ -]?\\d){12,18}(?!\\d)");

    @Test
    void masksCardFieldsInAPayRequest() {
        byte[] body = AlipayJson.mapper().writeValueAsBytes(TestRequests.payWithCard());

        String masked = SensitiveDataMasker.mask(body);

        assertThat(masked).contains("\"cardNo\":\"405469******0768\"", "\"cvv\":\"***\"", "\"expiryYear\":\"***\"",
                "\"expiryMonth\":\"***\"", "\"paymentRequestId\":\"PAY_20240101_0001\"");
        assertThat(masked).doesNotContain(TestRequests.TEST_PAN, "\"737\"", "\"28\"");
        assertThat(luhnValidRuns(masked)).isEmpty();
    }

    @Test
    void masksTokensAndCardNumbersHiddenInFreeText() {
        byte[] body = ("{\"paymentMethod\":{\"paymentMethodId\":\"ALIPAYtokenABCDEF0123456789\"},"
                + "\"order\":{\"orderDescription\":\"card 4054 6957 2310 0768 please\"},\"paymentId\":\"20220919194010890100111740275820195\","
                + "\"items\":[{\"cardToken\":\"tok_1234567890\"}],\"cvv\":737}").getBytes(StandardCharsets.UTF_8);

        String masked = SensitiveDataMasker.mask(body);

        assertThat(masked).contains("\"paymentMethodId\":\"****6789\"", "\"cardToken\":\"****7890\"",
                "card 405469******0768 please", "\"paymentId\":\"20220919194010890100111740275820195\"", "\"cvv\":\"***\"");
        assertThat(luhnValidRuns(masked)).isEmpty();
    }

    @Test
    void neverLogsANonJsonBodyVerbatim() {
        String masked = SensitiveDataMasker.mask("cardNo=4054695723100768&cvv=737 trailing".getBytes(StandardCharsets.UTF_8));

        assertThat(masked).isEqualTo("<not JSON, 40 bytes> cardNo=405469******0768&cvv=*** trailing");
        assertThat(SensitiveDataMasker.mask("{\"cvv\": \"737\", \"cardToken\":\"tok\" broken".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("<not JSON, 39 bytes> {\"cvv\": \"***\", \"cardToken\":\"***\" broken");
    }

    @Test
    void aUuidIsNotACardNumberEvenWhenItsGroupsAreDigits() {
        // groups 2-4 and the head of group 5 of this UUID form "4111-1111-1111-009", Luhn-valid and grouped by 4 like
        // a written card number; glued to the hex that follows, it is an identifier, not a card number
        assertThat(SensitiveDataMasker.containsCardNumber("abcdefab-4111-1111-1111-009abcdef012")).isFalse();
        assertThat(SensitiveDataMasker.containsCardNumber("cmd-4111-1111-1111-009x")).isFalse();
        // a card number written in groups on its own, or glued to nothing, is still one
        assertThat(SensitiveDataMasker.containsCardNumber("card 4111-1111-1111-009 exp")).isTrue();
        assertThat(SensitiveDataMasker.containsCardNumber("4111 1111 1111 009")).isTrue();
        assertThat(SensitiveDataMasker.containsCardNumber("pan=4111-1111-1111-009;")).isTrue();
        // an ungrouped run is a card number wherever it is, letters around it or not
        assertThat(SensitiveDataMasker.containsCardNumber("order4054695723100768x")).isTrue();
    }

    @Test
    void digitsThatOtherCharactersBreakIntoShortRunsAreNoCardNumber() {
        // sixteen digits, but never more than eight in one run: the cheap scan before the pattern says no
        assertThat(SensitiveDataMasker.containsCardNumber("2026-01-01T12:01:00+08:00")).isFalse();
        assertThat(SensitiveDataMasker.containsCardNumber("4054:6957:2310:0768")).isFalse();
        assertThat(SensitiveDataMasker.containsCardNumber("4054  6957  2310  0768")).isFalse();
        // single spaces or hyphens between the digits keep the run whole
        assertThat(SensitiveDataMasker.containsCardNumber("4054 6957 2310 0768")).isTrue();
        assertThat(SensitiveDataMasker.containsCardNumber("x 4054-6957-2310-0768")).isTrue();
    }

    @Test
    void luhn() {
        assertThat(SensitiveDataMasker.luhnValid("4054695723100768")).isTrue();
        assertThat(SensitiveDataMasker.luhnValid("4054695723100769")).isFalse();
        assertThat(SensitiveDataMasker.maskPan("4054695723100768")).isEqualTo("405469******0768");
        assertThat(SensitiveDataMasker.maskPan("1234")).isEqualTo("****");
    }

    @Test
    void aLoggedPayRequestAndResponseCarryNoCardNumberCvvOrKey() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(AlipayTransport.class);
        Level previous = logger.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
        try (FakeAntom antom = new FakeAntom(TestKeys.merchantKeys(), TestKeys.antomSigner(), TestKeys.antomSigner());
                AlipayClient client = AlipayClient.create(new AlipayClientProperties(antom.baseUrl(), "5X00000000000000",
                        TestKeys.merchantSigner(), TestKeys.antomKeys(), Timeouts.DEFAULTS, null,
                        Tls.plainHttpForLocalEmulator()), Clock.systemUTC())) {
            antom.replySigned("{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\"},"
                    + "\"paymentResultInfo\":{\"cardNo\":\"4054695723100768\",\"cardToken\":\"tok_secret_value_1\"}}");

            client.pay(TestRequests.payWithCard()).block(Duration.ofSeconds(20));
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(previous);
        }

        List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(2);
        assertThat(lines).anyMatch(line -> line.contains("405469******0768"));
        for (String line : lines) {
            assertThat(luhnValidRuns(line)).as(line).isEmpty();
            assertThat(line).doesNotContain("\"737\"", "tok_secret_value_1", "PRIVATE KEY",
                    AlipayKeysText.privateKeyBase64Prefix());
        }
    }

    private static List<String> luhnValidRuns(String text) {
        Matcher matcher = CARD_LIKE.matcher(text);
        java.util.ArrayList<String> found = new java.util.ArrayList<>();
        while (matcher.find()) {
            if (SensitiveDataMasker.luhnValid(matcher.group())) {
                found.add(matcher.group());
            }
        }
        return found;
    }

    /** The first characters of the merchant key's base64, to prove the key never reaches a log line. */
    private static final class AlipayKeysText {
        static String privateKeyBase64Prefix() {
            return io.holdfast.alipay.client.signing.AlipayKeys.toBase64(TestKeys.MERCHANT.getPrivate()).substring(40, 80);
        }
    }
}
