package io.holdfast.view.adapter.web;

import io.holdfast.view.application.AuditLog;
import io.holdfast.view.application.ConsoleAction;
import io.holdfast.view.application.OperatorActions;
import io.holdfast.view.application.ViewQuery;
import io.holdfast.view.application.ViewStore;
import io.holdfast.view.domain.DeadlineBoard;
import io.holdfast.view.domain.PaymentView;
import io.holdfast.view.domain.ViewStatus;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;

/**
 * The operations console: the deadline board, search, a payment page with its timeline, and operator actions with a
 * confirmation step. Every page needs a login (SecurityConfiguration); only OPERATOR reaches the confirmation and
 * the action, which is audited and published as a command by {@link OperatorActions}. Times come from the injected
 * {@link Clock} (the countdown's server side).
 */
@Controller
final class ConsoleController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final ViewStore store;
    private final AuditLog audit;
    private final OperatorActions actions;
    private final Clock clock;
    private final int pageSize;

    ConsoleController(ViewStore store, AuditLog audit, OperatorActions actions, Clock clock,
            @Value("${holdfast.view.console.page-size:100}") int pageSize) {
        this.store = store;
        this.audit = audit;
        this.actions = actions;
        this.clock = clock;
        this.pageSize = pageSize;
    }

    @GetMapping({"/", "/console"})
    Mono<ResponseEntity<String>> board(ServerWebExchange exchange) {
        Instant now = clock.instant();
        return store.openManual().collectList().map(rows -> DeadlineBoard.of(now, rows))
                .flatMap(board -> render(exchange, "Deadline board", "<div id=\"board-area\">"
                        + ConsolePages.boardArea(board) + "</div>" + ConsolePages.BOARD_SCRIPT));
    }

    @GetMapping("/console/board/fragment")
    Mono<ResponseEntity<String>> boardFragment() {
        Instant now = clock.instant();
        return store.openManual().collectList()
                .map(rows -> html(HttpStatus.OK, ConsolePages.boardArea(DeadlineBoard.of(now, rows))));
    }

    @GetMapping("/console/search")
    Mono<ResponseEntity<String>> search(@RequestParam(required = false) String q,
            @RequestParam(required = false) String status, @RequestParam(required = false) String cursor,
            ServerWebExchange exchange) {
        ViewStatus wanted = status == null || status.isBlank() ? null : parseStatus(status);
        String text = q == null || q.isBlank() ? null : q.strip();
        ViewQuery.Cursor after = cursor == null || cursor.isBlank() ? null : parseCursor(cursor);
        return store.search(new ViewQuery(null, wanted, null, null, text, after, pageSize + 1)).collectList()
                .flatMap(rows -> {
                    List<PaymentView> page = rows.size() > pageSize ? rows.subList(0, pageSize) : rows;
                    String older = rows.size() > pageSize ? "/console/search?q=" + query(q) + "&status="
                            + query(status) + "&cursor=" + ViewQuery.Cursor.after(page.get(page.size() - 1)).token()
                            : null;
                    return render(exchange, "Search", ConsolePages.results(page, older));
                });
    }

    private static String query(String value) {
        return value == null ? "" : UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8);
    }

    private static ViewQuery.Cursor parseCursor(String cursor) {
        try {
            return ViewQuery.Cursor.parse(cursor);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "cursor is not one the console made");
        }
    }

    @GetMapping("/console/payments/{paymentRequestId}")
    Mono<ResponseEntity<String>> payment(@PathVariable String paymentRequestId,
            @RequestParam(required = false) String outcome, ServerWebExchange exchange) {
        return Mono.zip(store.find(paymentRequestId), store.timeline(paymentRequestId).collectList(),
                        audit.forPayment(paymentRequestId).collectList(), viewer(exchange))
                .flatMap(t -> render(exchange, "Payment " + paymentRequestId, ConsolePages.payment(t.getT1(),
                        t.getT2(), t.getT3(), t.getT4().operator(), outcome == null ? null : outcomeText(outcome))
                        + ConsolePages.BOARD_SCRIPT.replace("setInterval(refresh,3000);", "")))
                .switchIfEmpty(Mono.defer(() -> render(exchange, "Not found", "<p>No payment "
                        + Html.e(paymentRequestId) + " in the view.</p>").map(r -> ResponseEntity.status(
                        HttpStatus.NOT_FOUND).contentType(HTML).body(r.getBody()))));
    }

    @GetMapping("/console/payments/{paymentRequestId}/confirm")
    Mono<ResponseEntity<String>> confirm(@PathVariable String paymentRequestId, @RequestParam String action,
            ServerWebExchange exchange) {
        ConsoleAction.Kind kind = parseKind(action);
        return store.find(paymentRequestId)
                .flatMap(v -> OperatorActions.offers(v, kind)
                        ? csrfField(exchange).flatMap(csrf -> render(exchange, ConsolePages.label(kind),
                                ConsolePages.confirm(v, kind, csrf, UUID.randomUUID().toString())))
                        : Mono.just(html(HttpStatus.CONFLICT, "<p>This action is not open for this payment.</p>")))
                .defaultIfEmpty(html(HttpStatus.NOT_FOUND, "<p>No such payment.</p>"));
    }

    @PostMapping("/console/payments/{paymentRequestId}/actions")
    Mono<ResponseEntity<String>> act(@PathVariable String paymentRequestId, ServerWebExchange exchange) {
        return Mono.zip(exchange.getFormData(), viewer(exchange)).flatMap(t -> {
            MultiValueMap<String, String> form = t.getT1();
            String commandId = form.getFirst("commandId");
            if (commandId == null || !commandId.matches("[0-9a-f-]{36}")) {
                return Mono.just(html(HttpStatus.BAD_REQUEST, "<p>Missing confirmation.</p>"));
            }
            OperatorActions.Request request = new OperatorActions.Request(commandId, paymentRequestId,
                    t.getT2().name(), parseKind(form.getFirst("action")), form.getFirst("policy"),
                    form.getFirst("reason"));
            return actions.issue(request).map(outcome -> ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .location(URI.create("/console/payments/" + UriUtils.encodePathSegment(paymentRequestId,
                            StandardCharsets.UTF_8) + "?outcome=" + outcome.name())).<String>build());
        });
    }

    private static String outcomeText(String outcome) {
        return switch (outcome) {
            case "ISSUED" -> "Command published; its outcome appears in the timeline when the service answers.";
            case "DUPLICATE" -> "This confirmation was submitted before; nothing was published again.";
            case "NOT_ALLOWED" -> "The action is not open for this payment (any more).";
            case "UNKNOWN_PAYMENT" -> "The payment is not in the view.";
            default -> "";
        };
    }

    private Mono<ResponseEntity<String>> render(ServerWebExchange exchange, String title, String body) {
        return Mono.zip(viewer(exchange), csrfField(exchange)).map(t -> html(HttpStatus.OK,
                Html.page(title, t.getT1(), t.getT2(), clock.millis(), body)));
    }

    private static Mono<Html.Viewer> viewer(ServerWebExchange exchange) {
        return exchange.getPrincipal().cast(Authentication.class).map(a -> {
            boolean operator = a.getAuthorities().stream().anyMatch(g -> "ROLE_OPERATOR".equals(g.getAuthority()));
            return new Html.Viewer(a.getName(), operator ? "operator" : "viewer", operator);
        });
    }

    private static Mono<String> csrfField(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.just("") : token.map(t -> "<input type=\"hidden\" name=\""
                + Html.e(t.getParameterName()) + "\" value=\"" + Html.e(t.getToken()) + "\">").defaultIfEmpty("");
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(HTML).body(body);
    }

    private static ViewStatus parseStatus(String status) {
        try {
            return ViewStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "no status");
        }
    }

    private static ConsoleAction.Kind parseKind(String action) {
        try {
            return ConsoleAction.Kind.valueOf(action);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "no action");
        }
    }
}
