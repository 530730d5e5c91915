package io.holdfast.messaging.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.alipay.client.AlipayClient;
import io.holdfast.alipay.client.signing.AlipayKeys;
import java.net.URI;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * {@code holdfast.alipay.*} binds to {@link AlipayAccount} under the names the deploy config trees and the local
 * stack use (the single-key shorthand, the merchant key from the environment) and the key ring
 * {@code alipay-public-keys.<keyVersion>}; an incomplete or contradictory account stops the start.
 */
class AlipayAccountConfigurationTests {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final KeyPair ANTOM_V1 = AlipayKeys.generate(RANDOM);
    private static final KeyPair ANTOM_V2 = AlipayKeys.generate(RANDOM);
    private static final KeyPair MERCHANT = AlipayKeys.generate(RANDOM);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(AlipayAccountConfiguration.class)
            .withBean(Clock.class, Clock::systemUTC);

    @Test
    void the_existing_property_names_bind_and_build_the_client() {
        runner.withPropertyValues(
                        "holdfast.alipay.base-url=http://127.0.0.1:8080",
                        "holdfast.alipay.client-id=SANDBOX_5X00000000000000",
                        "holdfast.alipay.alipay-public-key=" + AlipayKeys.toBase64(ANTOM_V1.getPublic()),
                        "holdfast.alipay.notify-url=http://127.0.0.1:8081/alipay/notifications/payment",
                        "holdfast.alipay.timeout=1500ms",
                        "holdfast.alipay.allow-plain-http=true")
                .withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource("test-systemEnvironment", Map.of(
                                "HOLDFAST_ALIPAY_MERCHANTPRIVATEKEY", AlipayKeys.toBase64(MERCHANT.getPrivate()),
                                "HOLDFAST_ALIPAY_MERCHANTKEYVERSION", "2"))))
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(AlipayClient.class);
                    AlipayAccount account = context.getBean(AlipayAccount.class);
                    assertThat(account.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8080"));
                    assertThat(account.clientId()).isEqualTo("SANDBOX_5X00000000000000");
                    assertThat(account.merchantKeyVersion()).isEqualTo(2);
                    assertThat(account.notifyUrl()).isEqualTo("http://127.0.0.1:8081/alipay/notifications/payment");
                    assertThat(account.timeout()).isEqualTo(Duration.ofMillis(1500));
                    assertThat(account.allowPlainHttp()).isTrue();
                    assertThat(account.alipayPublicKeyTexts()).containsOnlyKeys(1);
                });
    }

    @Test
    void the_key_ring_binds_by_key_version_next_to_the_shorthand() {
        runner.withPropertyValues(complete())
                .withPropertyValues("holdfast.alipay.alipay-public-keys.2=" + AlipayKeys.toBase64(ANTOM_V2.getPublic()))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    AlipayAccount account = context.getBean(AlipayAccount.class);
                    assertThat(account.alipayPublicKeyTexts()).containsOnlyKeys(1, 2);
                    assertThat(account.clientProperties().alipayPublicKeys().newestVersion()).isEqualTo(2);
                });
    }

    @Test
    void a_contradictory_version_1_stops_the_start() {
        runner.withPropertyValues(complete())
                .withPropertyValues("holdfast.alipay.alipay-public-keys.1=" + AlipayKeys.toBase64(ANTOM_V2.getPublic()))
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("holdfast.alipay.alipay-public-key and holdfast.alipay"
                                + ".alipay-public-keys.1 are both version 1 but differ"));
    }

    @Test
    void a_missing_account_stops_the_start_naming_what_is_required() {
        runner.withPropertyValues("holdfast.alipay.client-id=2188120000000000")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("required: holdfast.alipay.base-url, holdfast.alipay"
                                + ".merchant-private-key"));
    }

    @Test
    void a_service_may_supply_its_own_client() {
        AlipayClient own = AlipayClient.create(new AlipayAccount(URI.create("https://open-sea-global.alipay.com"),
                "2188120000000000", AlipayKeys.toBase64(MERCHANT.getPrivate()), null,
                AlipayKeys.toBase64(ANTOM_V1.getPublic()), null, null, null, false).clientProperties(),
                Clock.systemUTC());
        runner.withBean(AlipayClient.class, () -> own)
                .run(context -> assertThat(context).hasNotFailed().getBean(AlipayClient.class).isSameAs(own));
        own.close();
    }

    private static String[] complete() {
        return new String[] {
            "holdfast.alipay.base-url=https://open-sea-global.alipay.com",
            "holdfast.alipay.client-id=2188120000000000",
            "holdfast.alipay.merchant-private-key=" + AlipayKeys.toBase64(MERCHANT.getPrivate()),
            "holdfast.alipay.alipay-public-key=" + AlipayKeys.toBase64(ANTOM_V1.getPublic())};
    }
}
