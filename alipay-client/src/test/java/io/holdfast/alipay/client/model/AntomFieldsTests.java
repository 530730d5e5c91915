package io.holdfast.alipay.client.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.alipay.client.model.AntomFields.Rule;
import io.holdfast.alipay.client.model.AntomFields.Violation;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AntomFieldsTests {

    private static final String PAN = "4054695723100768";

    @Test
    void idsAreRequiredAtMost64AndFreeOfControlCharacters() {
        assertThat(AntomFields.id("paymentId", "a".repeat(64), AntomFields.ID_MAX)).isEmpty();
        assertThat(rule(AntomFields.id("paymentId", "a".repeat(65), AntomFields.ID_MAX))).isEqualTo(Rule.TOO_LONG);
        assertThat(rule(AntomFields.id("paymentId", " ", AntomFields.ID_MAX))).isEqualTo(Rule.REQUIRED);
        assertThat(rule(AntomFields.id("paymentId", "a\nb", AntomFields.ID_MAX))).isEqualTo(Rule.INVALID_VALUE);
        assertThat(rule(AntomFields.id("paymentId", "p-" + PAN, AntomFields.ID_MAX))).isEqualTo(Rule.CARD_DATA);
    }

    @Test
    void antomsLongNumericIdsAreNotCardNumbers() {
        // Antom's paymentIds are digit runs longer than 19 (reference 7.1 example 2020010123456789XXXX)
        assertThat(AntomFields.id("paymentId", "202209191940108001001880C0208766012", AntomFields.ID_MAX)).isEmpty();
        assertThat(AntomFields.id("paymentId", "20200101234567890123", AntomFields.ID_MAX)).isEmpty();
        // a UUID's 823-4074-8695-328 passes the Luhn check, but no card is written in groups of 3-4-4-3
        assertThat(AntomFields.id("eventId", "a67332d4-b823-4074-8695-328cc694cb9b", AntomFields.ID_MAX)).isEmpty();
        assertThat(AntomFields.text("m", "card 3782-822463-10005", 256)).isPresent();
        // fourteen zeros pass the Luhn check, but no card number starts with 0
        assertThat(AntomFields.id("clientId", "SANDBOX_5X00000000000000", AntomFields.ID_MAX)).isEmpty();
    }

    @Test
    void currenciesAreIso4217UpperCase() {
        assertThat(AntomFields.currency("c", "EUR")).isEmpty();
        assertThat(AntomFields.currency("c", "JPY")).isEmpty();
        assertThat(rule(AntomFields.currency("c", "US"))).isEqualTo(Rule.INVALID_CURRENCY);
        assertThat(rule(AntomFields.currency("c", "eur"))).isEqualTo(Rule.INVALID_CURRENCY);
        assertThat(rule(AntomFields.currency("c", "XYZ"))).isEqualTo(Rule.INVALID_CURRENCY);
    }

    @Test
    void amountsAreSixteenDigitsOfMinorUnits() {
        assertThat(AntomFields.amountText("v", "8000")).isEmpty();
        assertThat(AntomFields.amountText("v", "9".repeat(16))).isEmpty();
        assertThat(rule(AntomFields.amountText("v", "9".repeat(17)))).isEqualTo(Rule.INVALID_AMOUNT);
        assertThat(rule(AntomFields.amountText("v", "-1"))).isEqualTo(Rule.INVALID_AMOUNT);
        assertThat(rule(AntomFields.amountText("v", "1.5"))).isEqualTo(Rule.INVALID_AMOUNT);
        assertThat(rule(AntomFields.amountText("v", " 1"))).isEqualTo(Rule.INVALID_AMOUNT);
        assertThat(AntomFields.amount("v", 0, false)).isEmpty();
        assertThat(rule(AntomFields.amount("v", 0, true))).isEqualTo(Rule.INVALID_AMOUNT);
        assertThat(rule(AntomFields.amount("v", AntomFields.AMOUNT_MAX + 1, false))).isEqualTo(Rule.INVALID_AMOUNT);
    }

    @Test
    void timesAreIso8601WithAnOffset() {
        assertThat(AntomFields.offsetTime("t", "2019-11-27T12:01:01+08:00")).isEmpty();
        assertThat(AntomFields.offsetTime("t", "2020-01-01T12:01:01+08:30")).isEmpty();
        assertThat(AntomFields.offsetTime("t", "2022-11-10T00:34:52-08:00")).isEmpty();
        assertThat(AntomFields.offsetTime("t", "2019-04-04T12:08:56.253+05:30")).isEmpty();
        assertThat(AntomFields.offsetTime("t", "2019-01-01T01:01:01Z")).isEmpty();
        assertThat(rule(AntomFields.offsetTime("t", "yesterday"))).isEqualTo(Rule.INVALID_TIME);
        assertThat(rule(AntomFields.offsetTime("t", "2019-11-27T12:01:01"))).isEqualTo(Rule.INVALID_TIME);
        assertThat(rule(AntomFields.offsetTime("t", "+999999999-12-31T23:59:59Z"))).isEqualTo(Rule.INVALID_TIME);
        assertThat(rule(AntomFields.instant("t", java.time.Instant.ofEpochMilli(Long.MAX_VALUE))))
                .isEqualTo(Rule.INVALID_TIME);
        assertThat(rule(AntomFields.instant("t", java.time.Instant.ofEpochMilli(-1)))).isEqualTo(Rule.INVALID_TIME);
    }

    @Test
    void enumsAreClosed() {
        assertThat(AntomFields.oneOf("s", "U", AntomFields.RESULT_STATUSES)).isEmpty();
        assertThat(rule(AntomFields.oneOf("s", "Q", AntomFields.RESULT_STATUSES))).isEqualTo(Rule.INVALID_VALUE);
        assertThat(AntomFields.oneOf("s", null, AntomFields.RESULT_STATUSES)).isEmpty();
    }

    @Test
    void cardDataIsFoundByNameAndByLuhnButMaskedNumbersPass() {
        assertThat(rule(AntomFields.cardDataField("cvv", "cvv", "123"))).isEqualTo(Rule.CARD_DATA);
        assertThat(rule(AntomFields.cardDataField("x.securityCode", "securityCode", null))).isEqualTo(Rule.CARD_DATA);
        assertThat(rule(AntomFields.cardDataField("cardNo", "cardNo", "4054695723100769"))).isEqualTo(Rule.CARD_DATA);
        assertThat(AntomFields.cardDataField("cardNo", "cardNo", "405469******0768")).isEmpty();
        assertThat(rule(AntomFields.text("m", "card 4054 6957 2310 0768 declined", 256))).isEqualTo(Rule.CARD_DATA);
    }

    /** Found by the consumers' fuzz: PostgreSQL refuses 0x00 in text, and the consumer retried the record forever. */
    @Test
    void freeTextMayNotHoldNul() {
        assertThat(AntomFields.text("m", "line one\nline two", 256)).isEmpty();
        assertThat(rule(AntomFields.text("m", "a\u0000b", 256))).isEqualTo(Rule.INVALID_VALUE);
    }

    @Test
    void messagesNeverQuoteTheValue() {
        Optional<Violation> violation = AntomFields.text("resultMessage", "x " + PAN, 256);
        assertThat(violation).hasValueSatisfying(v -> assertThat(v.message()).doesNotContain(PAN)
                .isEqualTo("resultMessage holds a card number"));
    }

    private static Rule rule(Optional<Violation> violation) {
        assertThat(violation).isPresent();
        return violation.get().rule();
    }
}
