package io.holdfast.view.adapter.kafka;

import io.holdfast.schemas.Topics;
import io.holdfast.schemas.command.CancelPayment;
import io.holdfast.schemas.command.CapturePayment;
import io.holdfast.schemas.command.ChangeDeadlinePolicy;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.common.DeadlinePolicy;
import io.holdfast.schemas.common.Money;
import io.holdfast.view.application.CommandPublisher;
import io.holdfast.view.application.ConsoleAction;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;

/** Publishes an operator's action on payments.commands, keyed by paymentRequestId, with the operator's login. */
final class KafkaCommandPublisher implements CommandPublisher {

    private final KafkaTemplate<String, SpecificRecord> kafka;

    KafkaCommandPublisher(KafkaTemplate<String, SpecificRecord> kafka) {
        this.kafka = kafka;
    }

    @Override
    public Mono<Void> publish(ConsoleAction action) {
        PaymentCommand command = PaymentCommand.newBuilder()
                .setCommandId(action.commandId())
                .setPaymentRequestId(action.paymentRequestId())
                .setMerchantId(action.merchantId())
                .setIssuedAt(action.issuedAt())
                .setOperatorId(action.operatorId())
                .setPayload(payload(action))
                .build();
        return Mono.fromFuture(() -> kafka.send(Topics.PAYMENTS_COMMANDS, action.paymentRequestId(), command))
                .then();
    }

    static Object payload(ConsoleAction action) {
        return switch (action.action()) {
            case CAPTURE -> CapturePayment.newBuilder()
                    .setAmount(new Money(action.amount().valueMinor(), action.amount().currency())).build();
            case CANCEL -> CancelPayment.newBuilder().setReason(action.reason()).build();
            case CHANGE_POLICY -> ChangeDeadlinePolicy.newBuilder().setPolicy(DeadlinePolicy.valueOf(action.policy()))
                    .setReason(action.reason()).build();
        };
    }
}
