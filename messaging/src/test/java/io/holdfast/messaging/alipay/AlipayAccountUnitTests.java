package io.holdfast.messaging.alipay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.alipay.client.AlipayClientProperties;
import io.holdfast.alipay.client.signing.AlipayKeys;
import io.holdfast.alipay.client.signing.KeyRing;
import io.holdfast.alipay.client.signing.SignatureCheck;
import io.holdfast.alipay.client.signing.SignatureHeader;
import io.holdfast.alipay.client.signing.Signer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link AlipayAccount}: the key ring by keyVersion, the single-key shorthand, and what is refused. */
class AlipayAccountUnitTests {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final KeyPair ANTOM_V1 = AlipayKeys.generate(RANDOM);
    private static final KeyPair ANTOM_V2 = AlipayKeys.generate(RANDOM);
    private static final KeyPair MERCHANT = AlipayKeys.generate(RANDOM);
    private static final byte[] CONTENT = "POST /ams/api/v1/payments/pay".getBytes(StandardCharsets.UTF_8);

    @Test
    void the_shorthand_alone_is_antoms_key_version_1() {
        AlipayAccount account = account(publicKey(ANTOM_V1), Map.of());

        KeyRing ring = account.alipayPublicKeyRing();

        assertThat(ring.newestVersion()).isEqualTo(1);
        assertThat(ring.check(CONTENT, signedBy(ANTOM_V1, 1))).isEqualTo(SignatureCheck.VALID);
    }

    @Test
    void during_a_rotation_each_response_is_verified_with_the_version_its_header_names() {
        AlipayAccount account = account(publicKey(ANTOM_V1), Map.of(2, publicKey(ANTOM_V2)));

        KeyRing ring = account.alipayPublicKeyRing();

        assertThat(account.alipayPublicKeyTexts()).containsOnlyKeys(1, 2);
        assertThat(ring.check(CONTENT, signedBy(ANTOM_V1, 1))).isEqualTo(SignatureCheck.VALID);
        assertThat(ring.check(CONTENT, signedBy(ANTOM_V2, 2))).isEqualTo(SignatureCheck.VALID);
        assertThat(ring.check(CONTENT, signedBy(ANTOM_V1, 2))).isEqualTo(SignatureCheck.MISMATCH);
        assertThat(ring.check(CONTENT, signedBy(ANTOM_V2, 3))).isEqualTo(SignatureCheck.UNKNOWN_KEY_VERSION);
    }

    @Test
    void after_a_rotation_the_ring_alone_holds_the_new_version() {
        AlipayAccount account = account(null, Map.of(2, publicKey(ANTOM_V2)));

        KeyRing ring = account.alipayPublicKeyRing();

        assertThat(ring.check(CONTENT, signedBy(ANTOM_V2, 2))).isEqualTo(SignatureCheck.VALID);
        assertThat(ring.check(CONTENT, signedBy(ANTOM_V1, 1))).isEqualTo(SignatureCheck.UNKNOWN_KEY_VERSION);
    }

    @Test
    void the_shorthand_may_repeat_version_1_of_the_ring_but_not_contradict_it() {
        assertThat(account(publicKey(ANTOM_V1), Map.of(1, publicKey(ANTOM_V1))).alipayPublicKeyTexts())
                .containsOnlyKeys(1);

        assertThatThrownBy(() -> account(publicKey(ANTOM_V1), Map.of(1, publicKey(ANTOM_V2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("holdfast.alipay.alipay-public-key and holdfast.alipay.alipay-public-keys.1 are both"
                        + " version 1 but differ");
    }

    @Test
    void key_versions_below_1_and_empty_keys_are_refused() {
        assertThatThrownBy(() -> account(null, Map.of(0, publicKey(ANTOM_V1))))
                .hasMessage("holdfast.alipay.alipay-public-keys: a keyVersion must be at least 1");
        assertThatThrownBy(() -> account(null, Map.of(2, " ")))
                .hasMessage("holdfast.alipay.alipay-public-keys.2 is empty");
        assertThatThrownBy(() -> new AlipayAccount(URI.create("https://open-sea-global.alipay.com"), "2188",
                privateKey(), 0, publicKey(ANTOM_V1), null, null, null, false))
                .hasMessage("holdfast.alipay.merchant-key-version must be at least 1");
    }

    @Test
    void the_merchant_signer_announces_the_configured_key_version() {
        AlipayAccount account = new AlipayAccount(URI.create("https://open-sea-global.alipay.com"), "2188",
                privateKey(), 2, publicKey(ANTOM_V1), null, null, null, false);

        Signer signer = account.merchantSigner();

        assertThat(signer.keyVersion()).isEqualTo(2);
        assertThat(new KeyRing(Map.of(2, MERCHANT.getPublic())).verify(CONTENT, signer.sign(CONTENT))).isTrue();
        assertThat(account(publicKey(ANTOM_V1), Map.of()).merchantSigner().keyVersion()).isEqualTo(1);
    }

    @Test
    void the_client_properties_carry_the_ring_the_signer_and_the_timeout() {
        AlipayAccount account = new AlipayAccount(URI.create("http://127.0.0.1:8080"), "SANDBOX_5X00000000000000",
                privateKey(), null, publicKey(ANTOM_V1), Map.of(2, publicKey(ANTOM_V2)), null,
                Duration.ofMillis(1500), true);

        AlipayClientProperties client = account.clientProperties();

        assertThat(client.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(client.clientId()).isEqualTo("SANDBOX_5X00000000000000");
        assertThat(client.alipayPublicKeys().newestVersion()).isEqualTo(2);
        assertThat(client.timeouts()).isEqualTo(AlipayClientProperties.Timeouts.all(Duration.ofMillis(1500)));
        assertThat(client.tls().allowPlainHttp()).isTrue();
        assertThat(account(publicKey(ANTOM_V1), Map.of()).clientProperties().timeouts())
                .isEqualTo(AlipayClientProperties.Timeouts.DEFAULTS);
    }

    @Test
    void an_incomplete_account_names_every_missing_property() {
        AlipayAccount empty = new AlipayAccount(null, null, null, null, null, null, null, null, false);

        assertThatThrownBy(empty::clientProperties)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the Antom account is incomplete; required: holdfast.alipay.base-url, holdfast.alipay"
                        + ".client-id, holdfast.alipay.merchant-private-key, holdfast.alipay.alipay-public-key (or"
                        + " holdfast.alipay.alipay-public-keys.<keyVersion>)");
    }

    @Test
    void an_unreadable_key_names_its_property_and_version_but_not_its_text() {
        AlipayAccount account = account(null, Map.of(3, "not-a-key"));

        assertThatThrownBy(account::alipayPublicKeyRing)
                .hasMessageStartingWith("holdfast.alipay Antom public key version 3: ")
                .hasMessageNotContaining("not-a-key");
    }

    @Test
    void keys_are_never_printed() {
        AlipayAccount account = account(publicKey(ANTOM_V1), Map.of(2, publicKey(ANTOM_V2)));

        assertThat(account.toString())
                .doesNotContain(privateKey(), publicKey(ANTOM_V1), publicKey(ANTOM_V2))
                .contains("alipayKeyVersions=[1, 2]", "keys=<redacted>");
    }

    private static AlipayAccount account(String shorthand, Map<Integer, String> ring) {
        return new AlipayAccount(URI.create("https://open-sea-global.alipay.com"), "2188120000000000", privateKey(),
                null, shorthand, ring, null, null, false);
    }

    private static String privateKey() {
        return AlipayKeys.toBase64(MERCHANT.getPrivate());
    }

    private static String publicKey(KeyPair pair) {
        return AlipayKeys.toBase64(pair.getPublic());
    }

    private static SignatureHeader signedBy(KeyPair pair, int keyVersion) {
        return new Signer(pair.getPrivate(), keyVersion).sign(CONTENT);
    }
}
