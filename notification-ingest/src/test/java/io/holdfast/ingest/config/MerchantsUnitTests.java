package io.holdfast.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.holdfast.ingest.application.MerchantDirectory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The merchant configuration is refused at start-up when one merchant's namespace could cover another's. */
class MerchantsUnitTests {

    private static IngestProperties.MerchantProperties merchant(String id, String prefix) {
        return new IngestProperties.MerchantProperties(id, MerchantDirectory.sha256Hex("key-of-" + id), List.of(),
                prefix, null);
    }

    @Test
    void anEmptyPrefixIsRefused() {
        assertThatIllegalStateException()
                .isThrownBy(() -> Merchants.directory(List.of(merchant("acme", ""))))
                .withMessageContaining("merchants[0].payment-request-id-prefix")
                .withMessageContaining("acme")
                .withMessageContaining("empty");
    }

    @Test
    void aBlankPrefixIsRefused() {
        assertThatIllegalStateException()
                .isThrownBy(() -> Merchants.directory(List.of(merchant("globex", "g-"), merchant("acme", "  "))))
                .withMessageContaining("merchants[1].payment-request-id-prefix");
    }

    @Test
    void aPrefixOfAnotherMerchantsPrefixIsRefusedWhicheverComesFirst() {
        assertThatIllegalStateException()
                .isThrownBy(() -> Merchants.directory(List.of(merchant("acme", "acme-"),
                        merchant("acme-eu", "acme-eu-"))))
                .withMessageContaining("'acme-' of merchant acme is a prefix of 'acme-eu-' of merchant acme-eu");
        assertThatIllegalStateException()
                .isThrownBy(() -> Merchants.directory(List.of(merchant("acme-eu", "acme-eu-"),
                        merchant("acme", "acme-"))))
                .withMessageContaining("'acme-' of merchant acme is a prefix of 'acme-eu-' of merchant acme-eu");
    }

    @Test
    void theDefaultPrefixesAreCheckedToo() {
        assertThatIllegalStateException()
                .isThrownBy(() -> Merchants.directory(List.of(merchant("acme", null), merchant("acme-eu", null))))
                .withMessageContaining("is a prefix of");
    }

    @Test
    void twoMerchantsWithTheSamePrefixAreRefused() {
        assertThatIllegalStateException()
                .isThrownBy(() -> Merchants.directory(List.of(merchant("acme", "shop-"), merchant("globex", "shop-"))))
                .withMessageContaining("is a prefix of");
    }

    @Test
    void aMerchantIdConfiguredTwiceIsRefused() {
        assertThatIllegalStateException()
                .isThrownBy(() -> Merchants.directory(List.of(merchant("acme", "a1-"),
                        new IngestProperties.MerchantProperties("acme", MerchantDirectory.sha256Hex("other"),
                                List.of(), "a2-", null))))
                .withMessageContaining("acme is configured twice");
    }

    @Test
    void disjointPrefixesAreAccepted() {
        MerchantDirectory directory = Merchants.directory(List.of(merchant("acme", null), merchant("globex", null),
                merchant("initech", "ini_")));

        assertThat(directory.authenticate("key-of-acme")).hasValueSatisfying(m -> {
            assertThat(m.owns("acme-order-1")).isTrue();
            assertThat(m.owns("globex-order-1")).isFalse();
        });
    }
}
