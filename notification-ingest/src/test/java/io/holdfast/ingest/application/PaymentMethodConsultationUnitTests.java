package io.holdfast.ingest.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.ingest.domain.Money;
import io.holdfast.ingest.domain.command.CommandPayload.TerminalType;
import io.holdfast.ingest.domain.consult.ConsultOutcome;
import io.holdfast.ingest.domain.consult.ConsultQuery;
import io.holdfast.messaging.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class PaymentMethodConsultationUnitTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final AtomicInteger calls = new AtomicInteger();
    private final ConsultQuery usd = new ConsultQuery(new Money(100, "USD"), TerminalType.WEB, "SG");

    @Test
    void equalInputsShareTheAnswerForTheTtlOnly() {
        PaymentMethodConsultation consultation = new PaymentMethodConsultation(query -> {
            calls.incrementAndGet();
            return Mono.just(new ConsultOutcome.Options(List.of()));
        }, clock, Duration.ofSeconds(60), 100);

        consultation.consult(usd).block();
        consultation.consult(usd).block();
        assertThat(calls).hasValue(1);

        consultation.consult(new ConsultQuery(new Money(100, "USD"), TerminalType.APP, "SG")).block();
        assertThat(calls).hasValue(2);

        clock.advance(Duration.ofSeconds(61));
        consultation.consult(usd).block();
        assertThat(calls).hasValue(3);
    }

    @Test
    void failuresAreNotCached() {
        PaymentMethodConsultation consultation = new PaymentMethodConsultation(query -> {
            calls.incrementAndGet();
            return Mono.just(new ConsultOutcome.Unavailable("timeout"));
        }, clock, Duration.ofSeconds(60), 100);

        consultation.consult(usd).block();
        consultation.consult(usd).block();

        assertThat(calls).hasValue(2);
    }
}
