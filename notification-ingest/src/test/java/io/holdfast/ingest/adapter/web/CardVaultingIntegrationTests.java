package io.holdfast.ingest.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.ingest.support.ApiKeys;
import io.holdfast.ingest.support.IngestIntegrationTest;
import io.holdfast.ingest.support.MerchantApi;
import io.holdfast.ingest.support.TestWorld;
import io.holdfast.ingest.support.TopicRecords;
import io.holdfast.schemas.Topics;
import io.holdfast.schemas.command.AuthorizePayment;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.notification.AlipayNotification;
import io.holdfast.schemas.notification.VaultingResultNotification;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.json.JsonMapper;

/**
 * Raw card data at the edge, against the Antom sandbox: exchanged for a token by vaultPaymentMethod within the
 * request; the command carries only the token; the card number is in no Kafka record and no log line.
 */
@IngestIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class CardVaultingIntegrationTests {

    /** Antom's documented sandbox test cards (reference 11). */
    private static final String GLOBAL_VISA_OK = "4054695723100768";
    private static final String GLOBAL_VISA_DECLINED = "4054692760174822";

    @Autowired
    EmbeddedKafkaBroker broker;

    private MerchantApi api;
    private TopicRecords topics;

    @BeforeEach
    void setUp() {
        api = new MerchantApi(TestWorld.appPort());
        topics = new TopicRecords(broker.getBrokersAsString());
    }

    @Test
    void aRawCardIsVaultedAndOnlyItsTokenIsPublished(CapturedOutput output) {
        String id = "acme-" + UUID.randomUUID();

        String answer = api.post("/v1/payments/" + id + "/authorize", ApiKeys.ACME, "vault-" + id,
                MerchantApi.authorizeWithCard(GLOBAL_VISA_OK, 4200))
                .expectStatus().isAccepted()
                .expectBody(String.class).returnResult().getResponseBody();

        Map<?, ?> body = JsonMapper.shared().readValue(answer, Map.class);
        Map<?, ?> card = (Map<?, ?>) body.get("card");
        String token = (String) card.get("cardToken");
        assertThat(token).isNotBlank().doesNotContain(GLOBAL_VISA_OK);
        assertThat((String) card.get("maskedCardNo")).endsWith("0768").doesNotContain(GLOBAL_VISA_OK);

        List<TopicRecords.Seen> commands = topics.matching(Topics.PAYMENTS_COMMANDS, r -> id.equals(r.key()));
        assertThat(commands).hasSize(1);
        assertThat(((AuthorizePayment) ((PaymentCommand) commands.get(0).value()).getPayload()).getCard()
                .getCardToken()).isEqualTo(token);
        PaymentCommand published = (PaymentCommand) commands.get(0).value();
        String raw = new String(commands.get(0).raw(), StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain(GLOBAL_VISA_OK);
        // the CVV is looked for with the record's random parts taken out: a UUID's or a token's hex holds "737" now
        // and then (CI, 2026-12-06: the paymentRequestId ended in …9ce38446737a)
        assertThat(raw.replace(id, "").replace(published.getCommandId(), "").replace(token, ""))
                .doesNotContain(MerchantApi.CVV);

        // the sandbox sends notifyVaulting, signed, to our vaulting URL: verified and stored like any notification
        String vaultingRequestId = "v-" + body.get("commandId");
        TopicRecords.Seen vaulting = topics.awaitMatching(Topics.ALIPAY_NOTIFICATIONS,
                r -> vaultingRequestId.equals(r.key())).get(0);
        VaultingResultNotification result = (VaultingResultNotification) ((AlipayNotification) vaulting.value())
                .getPayload();
        assertThat(result.getResultStatus()).isEqualTo("S");
        assertThat(result.getCardToken()).isEqualTo(token);
        assertThat(new String(vaulting.raw(), StandardCharsets.ISO_8859_1)).doesNotContain(GLOBAL_VISA_OK);

        assertThat(output.getAll()).doesNotContain(GLOBAL_VISA_OK);
    }

    @Test
    void aCardAntomRefusesIs422AndNothingIsPublished(CapturedOutput output) {
        String id = "acme-" + UUID.randomUUID();

        api.post("/v1/payments/" + id + "/authorize", ApiKeys.ACME, "vault-" + id,
                MerchantApi.authorizeWithCard(GLOBAL_VISA_DECLINED, 4200))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.error").isEqualTo("card_refused")
                .jsonPath("$.details.antomResultCode").isNotEmpty();

        api.post("/v1/payments/" + id + "/cancel", ApiKeys.ACME, "marker-" + id, null).expectStatus().isAccepted();
        assertThat(topics.matching(Topics.PAYMENTS_COMMANDS, r -> id.equals(r.key())))
                .extracting(r -> ((PaymentCommand) r.value()).getPayload().getClass().getSimpleName())
                .containsExactly("CancelPayment");
        assertThat(output.getAll()).doesNotContain(GLOBAL_VISA_DECLINED);
    }

    @Test
    void aCardNumberFailingTheLuhnCheckIs400WithoutEchoingIt() {
        api.post("/v1/payments/acme-luhn/authorize", ApiKeys.ACME, "luhn",
                MerchantApi.authorizeWithCard("4054695723100769", 4200))
                .expectStatus().isBadRequest()
                .expectBody(String.class).value(text -> assertThat(text).contains("card.cardNo")
                        .doesNotContain("4054695723100769"));
    }
}
