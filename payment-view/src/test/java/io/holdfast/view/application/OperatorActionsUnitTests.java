package io.holdfast.view.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.view.domain.Facts;
import io.holdfast.view.domain.PaymentView;
import io.holdfast.view.domain.Projection;
import io.holdfast.view.domain.TimelineEntry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class OperatorActionsUnitTests {

    static final Instant NOW = Instant.parse("2026-04-10T08:00:00Z");

    final Map<String, PaymentView> rows = new ConcurrentHashMap<>();
    final Map<String, ConsoleAction> audited = new ConcurrentHashMap<>();
    final List<ConsoleAction> published = new ArrayList<>();
    boolean brokerDown;

    final OperatorActions actions = new OperatorActions(store(), audit(), action -> {
        if (brokerDown) {
            return Mono.error(new IllegalStateException("broker down"));
        }
        published.add(action);
        return Mono.empty();
    }, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aConfirmedCaptureIsAuditedAndPublishedOnceWithTheOperatorAndTheOwner() {
        rows.put("p1", authorized("p1", "MANUAL"));
        OperatorActions.Request request = new OperatorActions.Request("c1", "p1", "olivia",
                ConsoleAction.Kind.CAPTURE, null, " ");

        assertThat(actions.issue(request).block()).isEqualTo(OperatorActions.Outcome.ISSUED);
        assertThat(actions.issue(request).block()).isEqualTo(OperatorActions.Outcome.DUPLICATE);

        assertThat(published).singleElement().satisfies(a -> {
            assertThat(a.operatorId()).isEqualTo("olivia");
            assertThat(a.merchantId()).isEqualTo("acme");
            assertThat(a.amount().valueMinor()).isEqualTo(1250);
            assertThat(a.reason()).isNull();
            assertThat(a.issuedAt()).isEqualTo(NOW);
        });
        assertThat(audited).containsOnlyKeys("c1");
    }

    @Test
    void actionsAreRefusedOnPaymentsThatAreNotOpenOrUnknown() {
        rows.put("auto", authorized("auto", "AUTOMATIC"));
        assertThat(actions.issue(new OperatorActions.Request("c2", "auto", "olivia",
                ConsoleAction.Kind.CHANGE_POLICY, "VOID", null)).block()).isEqualTo(OperatorActions.Outcome.NOT_ALLOWED);
        rows.put("p3", authorized("p3", "MANUAL"));
        assertThat(actions.issue(new OperatorActions.Request("c3", "p3", "olivia",
                ConsoleAction.Kind.CHANGE_POLICY, "SOMETIMES", null)).block())
                .isEqualTo(OperatorActions.Outcome.NOT_ALLOWED);
        assertThat(actions.issue(new OperatorActions.Request("c4", "nope", "olivia", ConsoleAction.Kind.CANCEL,
                null, null)).block()).isEqualTo(OperatorActions.Outcome.UNKNOWN_PAYMENT);
        assertThat(published).isEmpty();
        assertThat(audited).isEmpty();
    }

    @Test
    void aCommandThatCannotBePublishedLeavesNoAuditRow() {
        rows.put("p5", authorized("p5", "MANUAL"));
        brokerDown = true;

        assertThatThrownBy(() -> actions.issue(new OperatorActions.Request("c5", "p5", "olivia",
                ConsoleAction.Kind.CANCEL, null, "fraud")).block()).hasMessageContaining("broker down");
        assertThat(audited).isEmpty();
    }

    static PaymentView authorized(String id, String mode) {
        Map<String, Object> payload = Map.of("paymentId", "pay-" + id, "amount",
                Map.of("valueMinor", 1250L, "currency", "USD"), "captureMode", mode, "authExpiryTime",
                NOW.plusSeconds(86_400).toString(), "deadlinePolicy", "CAPTURE");
        return Projection.fold(List.of(new TimelineEntry(new TimelineEntry.Envelope("e-" + id, id, "pay-" + id,
                "acme", NOW, null), "PaymentAuthorized", "{}", Facts.of("PaymentAuthorized", payload))));
    }

    private ViewStore store() {
        return new ViewStore() {
            @Override
            public Mono<Boolean> append(TimelineEntry entry) {
                return Mono.just(true);
            }

            @Override
            public Flux<TimelineEntry> timeline(String paymentRequestId) {
                return Flux.empty();
            }

            @Override
            public Mono<Void> save(PaymentView view) {
                return Mono.empty();
            }

            @Override
            public Mono<PaymentView> find(String paymentRequestId) {
                return Mono.justOrEmpty(rows.get(paymentRequestId));
            }

            @Override
            public Flux<PaymentView> search(ViewQuery query) {
                return Flux.fromIterable(rows.values());
            }

            @Override
            public Flux<PaymentView> openManual() {
                return Flux.fromIterable(rows.values());
            }

            @Override
            public Mono<Void> truncate() {
                return Mono.empty();
            }
        };
    }

    private AuditLog audit() {
        return new AuditLog() {
            @Override
            public Mono<Boolean> record(ConsoleAction action) {
                return Mono.just(audited.putIfAbsent(action.commandId(), action) == null);
            }

            @Override
            public Mono<Void> forget(String commandId) {
                return Mono.fromRunnable(() -> audited.remove(commandId));
            }

            @Override
            public Flux<AuditEntry> forPayment(String paymentRequestId) {
                return Flux.empty();
            }
        };
    }
}
