package io.holdfast.view.adapter.web;

import static io.holdfast.view.adapter.web.Html.e;

import io.holdfast.view.application.AuditLog;
import io.holdfast.view.application.ConsoleAction;
import io.holdfast.view.application.OperatorActions;
import io.holdfast.view.domain.DeadlineBoard;
import io.holdfast.view.domain.PaymentView;
import io.holdfast.view.domain.Projection;
import io.holdfast.view.domain.TimelineEntry;
import io.holdfast.view.domain.ViewStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The console's HTML, rendered on the server (no build step, one small script for the countdowns and refresh). */
final class ConsolePages {

    /** Ticks the countdowns every second against the server's clock and refreshes the board every 3 s. */
    static final String BOARD_SCRIPT = "<script>(function(){"
            + "var offset=Number(document.body.dataset.serverNow)-Date.now();"
            + "function fmt(ms){if(ms<=0){return 'deadline passed';}var s=Math.floor(ms/1000),d=Math.floor(s/86400);"
            + "s-=d*86400;var h=Math.floor(s/3600);s-=h*3600;var m=Math.floor(s/60);s-=m*60;"
            + "function p(n){return (n<10?'0':'')+n;}return (d>0?d+'d ':'')+p(h)+':'+p(m)+':'+p(s);}"
            + "function tick(){var now=Date.now()+offset;document.querySelectorAll('[data-deadline]').forEach("
            + "function(el){var left=Number(el.dataset.deadline)-now;el.textContent=fmt(left);"
            + "el.classList.toggle('urgent',left<6*3600000);});}"
            + "function refresh(){fetch('/console/board/fragment',{credentials:'same-origin'}).then(function(r){"
            + "if(r.ok){return r.text();}throw new Error(r.status);}).then(function(html){"
            + "document.getElementById('board-area').innerHTML=html;tick();}).catch(function(){});}"
            + "tick();setInterval(tick,1000);setInterval(refresh,3000);})();</script>";

    private ConsolePages() {
    }

    static String statusOptions(ViewStatus selected) {
        StringBuilder out = new StringBuilder();
        for (ViewStatus s : ViewStatus.values()) {
            out.append("<option").append(s == selected ? " selected" : "").append('>').append(s.name())
                    .append("</option>");
        }
        return out.toString();
    }

    /** The board's refreshable area: totals at risk and the rows, nearest deadline first. */
    static String boardArea(DeadlineBoard board) {
        StringBuilder out = new StringBuilder("<h2>Money at risk</h2><table id=\"totals\"><tr><th>currency</th>"
                + "<th>&lt; 6 h</th><th>&lt; 24 h</th><th>&lt; 48 h</th></tr>");
        if (board.atRisk().isEmpty()) {
            out.append("<tr><td colspan=\"4\" class=\"muted\">nothing at risk</td></tr>");
        }
        board.atRisk().forEach((currency, b) -> out.append("<tr><td>").append(e(currency)).append("</td><td>")
                .append(Html.amount(b.within6h(), currency)).append("</td><td>")
                .append(Html.amount(b.within24h(), currency)).append("</td><td>")
                .append(Html.amount(b.within48h(), currency)).append("</td></tr>"));
        out.append("</table><p class=\"muted\">Buckets are cumulative: what is due within 6 h is also counted in "
                + "24 h and 48 h.</p><h2>Open manual authorizations (" + board.rows().size() + ")</h2>"
                + "<table id=\"board\"><tr><th>time left</th><th>deadline</th><th>paymentRequestId</th>"
                + "<th>merchant</th><th>amount</th><th>status</th><th>policy</th><th>warnings sent</th></tr>");
        for (PaymentView v : board.rows()) {
            Instant deadline = v.deadline().at();
            out.append("<tr data-payment=\"").append(e(v.ids().paymentRequestId())).append("\"><td><span ")
                    .append("class=\"countdown\" data-deadline=\"").append(deadline.toEpochMilli()).append("\">")
                    .append(e(countdown(Duration.between(board.now(), deadline)))).append("</span></td><td>")
                    .append(e(deadline)).append("</td><td><a href=\"/console/payments/")
                    .append(e(v.ids().paymentRequestId())).append("\">").append(e(v.ids().paymentRequestId()))
                    .append("</a></td><td>").append(e(v.ids().merchantId())).append("</td><td>")
                    .append(Html.money(v.amount())).append("</td><td>").append(e(v.status())).append("</td><td>")
                    .append(e(v.deadline().policy())).append("</td><td>").append(v.deadline().warningsSent())
                    .append("</td></tr>");
        }
        return out.append("</table>").toString();
    }

    /** The server's rendering of a countdown (the script keeps it live). */
    static String countdown(Duration left) {
        if (left.isNegative() || left.isZero()) {
            return "deadline passed";
        }
        long days = left.toDays();
        return (days > 0 ? days + "d " : "") + String.format("%02d:%02d:%02d", left.toHoursPart(),
                left.toMinutesPart(), left.toSecondsPart());
    }

    /** A page of search results, newest first, with a link to the older ones when there are more. */
    static String results(List<PaymentView> rows, String olderLink) {
        StringBuilder out = new StringBuilder("<table id=\"results\"><tr><th>paymentRequestId</th><th>paymentId</th>"
                + "<th>merchant</th><th>status</th><th>amount</th><th>created</th></tr>");
        for (PaymentView v : rows) {
            out.append("<tr><td><a href=\"/console/payments/").append(e(v.ids().paymentRequestId())).append("\">")
                    .append(e(v.ids().paymentRequestId())).append("</a></td><td>").append(e(v.ids().paymentId()))
                    .append("</td><td>").append(e(v.ids().merchantId())).append("</td><td>").append(e(v.status()))
                    .append("</td><td>").append(Html.money(v.amount())).append("</td><td>")
                    .append(e(v.times().createdAt())).append("</td></tr>");
        }
        if (rows.isEmpty()) {
            out.append("<tr><td colspan=\"6\" class=\"muted\">no payment matches</td></tr>");
        }
        out.append("</table>");
        if (olderLink != null) {
            out.append("<p><a id=\"older\" href=\"").append(e(olderLink)).append("\">Older payments</a></p>");
        }
        return out.toString();
    }

    /** The payment page: its row, the actions an operator may take, the timeline with audited console actions. */
    static String payment(PaymentView v, List<TimelineEntry> events, List<AuditLog.AuditEntry> audit,
            boolean operator, String outcome) {
        String id = v.ids().paymentRequestId();
        StringBuilder out = new StringBuilder();
        if (outcome != null) {
            out.append("<p class=\"flash\" id=\"outcome\">").append(e(outcome)).append("</p>");
        }
        out.append("<table id=\"summary\">");
        row(out, "status", "<span id=\"status\">" + e(v.status()) + "</span>");
        row(out, "paymentRequestId", e(id));
        row(out, "paymentId", e(v.ids().paymentId()));
        row(out, "merchant", e(v.ids().merchantId()));
        row(out, "amount", Html.money(v.amount()));
        row(out, "capture mode", e(v.captureMode()));
        row(out, "card", v.card() == null ? "" : e(v.card().brand()) + " " + e(v.card().maskedCardNo()));
        row(out, "capture deadline", v.deadline().at() == null ? "" : e(v.deadline().at())
                + " (<span class=\"countdown\" data-deadline=\"" + v.deadline().at().toEpochMilli() + "\"></span>)");
        row(out, "deadline policy", e(v.deadline().policy()));
        row(out, "warnings sent", Integer.toString(v.deadline().warningsSent()));
        if (v.refunds() != null) {
            String c = v.amount() == null ? "" : v.amount().currency();
            row(out, "refunds", "captured " + Html.amount(v.refunds().capturedMinor(), c) + ", refunded "
                    + Html.amount(v.refunds().refundedMinor(), c) + ", pending "
                    + Html.amount(v.refunds().pendingMinor(), c) + ", refundable "
                    + Html.amount(v.refunds().refundableMinor(), c) + " " + e(c));
        }
        row(out, "created / updated", e(v.times().createdAt()) + " / " + e(v.times().updatedAt()));
        out.append("</table>");
        if (operator) {
            out.append("<p id=\"actions\">");
            for (ConsoleAction.Kind kind : ConsoleAction.Kind.values()) {
                if (OperatorActions.offers(v, kind)) {
                    out.append("<a class=\"action\" id=\"action-").append(kind.name().toLowerCase())
                            .append("\" href=\"/console/payments/").append(e(id)).append("/confirm?action=")
                            .append(kind.name()).append("\">").append(label(kind)).append("…</a>");
                }
            }
            out.append("</p>");
        }
        out.append("<h2>Timeline</h2>").append(timeline(events, audit));
        return out.toString();
    }

    private static String timeline(List<TimelineEntry> events, List<AuditLog.AuditEntry> audit) {
        Map<String, AuditLog.AuditEntry> byCommand = audit.stream()
                .collect(Collectors.toMap(AuditLog.AuditEntry::commandId, a -> a, (a, b) -> a));
        List<String[]> lines = new ArrayList<>();
        for (AuditLog.AuditEntry a : audit) {
            lines.add(new String[] {a.issuedAt().toString(), "<tr class=\"audit\"><td>" + e(a.issuedAt())
                    + "</td><td>Console: " + e(a.action()) + "</td><td>by <strong>" + e(a.operatorId())
                    + "</strong>: " + e(a.detail()) + "<br><span class=\"muted\">command " + e(a.commandId())
                    + " published on payments.commands</span></td></tr>"});
        }
        Set<String> known = byCommand.keySet();
        for (TimelineEntry t : Projection.ordered(events)) {
            String cause = t.envelope().causationId();
            String outcomeOf = cause != null && known.contains(cause) ? "<br><strong>outcome of the console action by "
                    + e(byCommand.get(cause).operatorId()) + "</strong>" : "";
            lines.add(new String[] {t.occurredAt().toString(), "<tr class=\"event\" data-type=\"" + e(t.type())
                    + "\"><td>" + e(t.occurredAt()) + "</td><td>" + e(t.type()) + outcomeOf + "</td><td><pre>"
                    + e(t.payloadJson()) + "</pre><span class=\"muted\">eventId " + e(t.eventId())
                    + (cause == null ? "" : " · causationId " + e(cause)) + "</span></td></tr>"});
        }
        lines.sort(Comparator.comparing((String[] l) -> Instant.parse(l[0])));
        StringBuilder out = new StringBuilder("<table id=\"timeline\"><tr><th>when</th><th>what</th><th>details</th>"
                + "</tr>");
        lines.forEach(l -> out.append(l[1]));
        return out.append("</table>").toString();
    }

    /** The confirmation step of an action. */
    static String confirm(PaymentView v, ConsoleAction.Kind kind, String csrfField, String commandId) {
        String id = v.ids().paymentRequestId();
        StringBuilder out = new StringBuilder("<p id=\"question\">");
        switch (kind) {
            case CAPTURE -> out.append("Capture the authorized amount, <strong>").append(Html.money(v.amount()))
                    .append("</strong>, of payment ").append(e(id)).append(" (merchant ")
                    .append(e(v.ids().merchantId())).append(")?");
            case CANCEL -> out.append("Cancel (void) the authorization of <strong>").append(Html.money(v.amount()))
                    .append("</strong> of payment ").append(e(id)).append("? The buyer's funds are released.");
            case CHANGE_POLICY -> out.append("Change the deadline policy of payment ").append(e(id))
                    .append(" (now <strong>").append(e(v.deadline().policy())).append("</strong>, deadline ")
                    .append(e(v.deadline().at())).append(")?");
        }
        out.append("</p><form method=\"post\" action=\"/console/payments/").append(e(id)).append("/actions\">")
                .append(csrfField)
                .append("<input type=\"hidden\" name=\"commandId\" value=\"").append(e(commandId)).append("\">")
                .append("<input type=\"hidden\" name=\"action\" value=\"").append(kind.name()).append("\">");
        if (kind == ConsoleAction.Kind.CHANGE_POLICY) {
            out.append("<p><label>new policy <select name=\"policy\" id=\"policy\"><option>CAPTURE</option>")
                    .append("<option>VOID</option><option>EXPIRE</option></select></label></p>");
        }
        out.append("<p><label>reason (optional) <input name=\"reason\" id=\"reason\" size=\"40\" maxlength=\"200\">")
                .append("</label></p><button id=\"confirm\">Confirm: ").append(label(kind)).append("</button> ")
                .append("<a href=\"/console/payments/").append(e(id)).append("\">Back</a></form>");
        return out.toString();
    }

    static String label(ConsoleAction.Kind kind) {
        return switch (kind) {
            case CAPTURE -> "Capture";
            case CANCEL -> "Cancel authorization";
            case CHANGE_POLICY -> "Change deadline policy";
        };
    }

    private static void row(StringBuilder out, String name, String html) {
        out.append("<tr><th>").append(e(name)).append("</th><td>").append(html).append("</td></tr>");
    }
}
