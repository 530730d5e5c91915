package io.holdfast.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.ingest.domain.command.Violations;
import io.holdfast.ingest.domain.merchant.RateDecision;
import io.holdfast.ingest.domain.merchant.TokenBucket;
import io.holdfast.ingest.domain.notification.NotificationId;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DomainRulesUnitTests {

    @Test
    void cardNumbersAreMaskedToFirstSixAndLastFour() {
        assertThat(CardMasking.mask("4054695723100768")).isEqualTo("405469******0768");
        assertThat(CardMasking.mask("405469******0768")).isEqualTo("405469******0768");
        assertThat(CardMasking.mask("************0768")).isEqualTo("************0768");
        assertThat(CardMasking.mask("12345678")).isEqualTo("****5678");
        assertThat(CardMasking.mask(null)).isNull();
    }

    @Test
    void theTokenBucketAllowsABurstThenRefillsAndSaysWhenToRetry() {
        TokenBucket bucket = new TokenBucket(2, 1.0, 0);
        assertThat(bucket.tryTake(0)).isEqualTo(RateDecision.ALLOWED);
        assertThat(bucket.tryTake(0)).isEqualTo(RateDecision.ALLOWED);
        RateDecision limited = bucket.tryTake(0);
        assertThat(limited).isInstanceOf(RateDecision.Limited.class);
        assertThat(((RateDecision.Limited) limited).retryAfterSeconds()).isEqualTo(1);
        assertThat(bucket.tryTake(1000)).isEqualTo(RateDecision.ALLOWED);
    }

    @Test
    void cardNumbersMustPassLuhnAndAreNeverEchoed() {
        Violations violations = new Violations();
        assertThat(violations.cardNumber("card.cardNo", "4054695723100768")).isNotNull();
        assertThat(violations.cardNumber("card.cardNo", "4054695723100769")).isNull();
        assertThat(violations.list()).singleElement()
                .satisfies(v -> assertThat(v.reason()).doesNotContain("4054695723100769"));
    }

    @Test
    void currenciesMustBeUpperCaseIso4217() {
        Violations violations = new Violations();
        assertThat(violations.currency("c", "USD")).isEqualTo("USD");
        assertThat(violations.currency("c", "usd")).isNull();
        assertThat(violations.currency("c", "XXY")).isNull();
        assertThat(violations.list()).hasSize(2);
    }

    @Test
    void theNotificationIdIsTheHexSha256OfTheRawBody() {
        assertThat(NotificationId.ofRawBody("abc".getBytes(StandardCharsets.UTF_8)).value())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
