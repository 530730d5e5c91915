package io.holdfast.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.schemas.Topics;
import io.holdfast.schemas.command.AuthorizePayment;
import io.holdfast.schemas.command.CardReference;
import io.holdfast.schemas.command.Env;
import io.holdfast.schemas.command.Order;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.command.TerminalType;
import io.holdfast.schemas.common.CaptureMode;
import io.holdfast.schemas.common.Money;
import io.holdfast.schemas.compat.ReleasedSchemas;
import io.holdfast.schemas.registry.EmbeddedSchemaRegistry;
import io.holdfast.schemas.serde.AvroSerdeConfig;
import io.holdfast.schemas.serde.AvroSerializer;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The local stack registers every released schema version at start-up, so a merchant's producer that never
 * registers ({@code auto.register.schemas=false}) can publish before any service has.
 */
class ReleasedSchemaRegistrationTests {

    @Test
    void everyReleasedVersionIsRegisteredAndANonRegisteringProducerCanPublish() throws IOException {
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.startOnFreePort()) {
            List<String> registered = ReleasedSchemaRegistration.registerAll(registry.url());

            int versions = Topics.ALL.stream().mapToInt(topic -> ReleasedSchemas.released(topic).size()).sum();
            assertThat(registered).hasSize(versions)
                    .anyMatch(line -> line.startsWith(Topics.valueSubject(Topics.PAYMENTS_EVENTS) + " v1 "));
            assertThat(ReleasedSchemaRegistration.registerAll(registry.url()))
                    .as("a second start registers the same ids").isEqualTo(registered);
            try (AvroSerializer<PaymentCommand> serializer = new AvroSerializer<>()) {
                serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url(),
                        AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false"), false);
                byte[] bytes = serializer.serialize(Topics.PAYMENTS_COMMANDS, command());
                assertThat(bytes).isNotEmpty();
                assertThat(bytes[0]).as("Confluent magic byte").isZero();
            }
        }
    }

    private static PaymentCommand command() {
        AuthorizePayment authorize = AuthorizePayment.newBuilder()
                .setAmount(Money.newBuilder().setValueMinor(100).setCurrency("USD").build())
                .setCaptureMode(CaptureMode.MANUAL)
                .setCard(CardReference.newBuilder().setCardToken("token").build())
                .setOrder(Order.newBuilder().setReferenceOrderId("o-1").setOrderDescription("test")
                        .setGoods(List.of()).build())
                .setEnv(Env.newBuilder().setTerminalType(TerminalType.WEB).setClientIp("127.0.0.1").build())
                .setPaymentRedirectUrl("https://merchant.example/return")
                .build();
        return PaymentCommand.newBuilder().setCommandId("c-1").setPaymentRequestId("p-1")
                .setIssuedAt(Instant.EPOCH).setPayload(authorize).build();
    }
}
