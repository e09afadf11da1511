package app.cloudey.server.internal;

import app.cloudey.CloudeyAccount;
import app.cloudey.model.CostDimension;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostReport;
import app.cloudey.model.CostRow;
import app.cloudey.model.Period;
import app.cloudey.server.internal.Api.Access;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard page at {@code /ui/}: server-rendered HTML (tables filled here, the chart's points
 * embedded as JSON for echarts from its webjar) and a chat panel that reads the POST event stream
 * with {@code fetch}. No front-end build step.
 */
public final class UiPage {
  private UiPage() {}

  public static void register(Api api, Services s, String echartsVersion) {
    api.tag("page");
    api.get(
        "/ui/",
        Access.PUBLIC,
        "The dashboard page (login form without a session)",
        200,
        (ctx, user) -> ctx.html(user == null ? login() : page(s, user, echartsVersion)));
  }

  static String login() {
    return shell(
        "Cloudey",
        """
        <h1>Cloudey</h1>
        <form id="login"><label>API token <input name="api_token" type="password" size="50"></label>
        <button>Log in</button></form><p id="err" class="err"></p>
        <script>
        document.getElementById('login').onsubmit = async (e) => {
          e.preventDefault();
          const r = await fetch('/login', {method: 'POST', headers: {'Content-Type': 'application/json'},
            body: JSON.stringify({api_token: e.target.api_token.value})});
          if (r.ok) location.reload(); else document.getElementById('err').textContent = (await r.json()).message;
        };
        </script>
        """,
        "");
  }

  static String page(Services s, User user, String echartsVersion) {
    StringBuilder body = new StringBuilder();
    body.append("<h1>Cloudey</h1><p class=\"who\">")
        .append(esc(user.email()))
        .append(" &middot; user ")
        .append(user.id())
        .append(
            " &middot; <a href=\"/docs\">API</a> &middot; <a href=\"#\" id=\"logout\">log out</a></p>");
    if (s.cloudey().accounts().find(user.accountId()).isEmpty()) {
      body.append("<p>No OCI configuration yet: POST /oci-config/")
          .append(user.id())
          .append(" (see /docs).</p>");
      return shell("Cloudey", body.toString(), "");
    }
    CloudeyAccount account = s.account(user);
    Clock clock = s.cloudey().schedules().clock();
    YearMonth month = YearMonth.now(clock);
    LocalDate today = LocalDate.now(clock);
    Period trendPeriod = Period.of(month.minusMonths(3).atDay(1), today.plusDays(1));
    CostReport trend = account.costs().query(CostQuery.of(trendPeriod).groupBy(CostDimension.DAY));
    CostReport services =
        account
            .costs()
            .query(CostQuery.of(Period.month(month)).groupBy(CostDimension.SERVICE).top(8));
    CostReport compartments =
        account
            .costs()
            .query(CostQuery.of(Period.month(month)).groupBy(CostDimension.COMPARTMENT).top(8));
    Map<String, String> paths = new LinkedHashMap<>();
    account.inventory().compartments().forEach(c -> paths.put(c.id(), c.path()));

    List<String> days = new ArrayList<>();
    trend.rows().forEach(r -> days.add(r.key().get(0)));
    days.sort(String::compareTo);
    Map<String, String> byDay = new LinkedHashMap<>();
    trend.rows().forEach(r -> byDay.put(r.key().get(0), r.cost().rounded().toPlainString()));
    List<String> sortedAmounts = days.stream().map(byDay::get).toList();

    body.append("<section><h2>Daily cost, ")
        .append(trendPeriod.start())
        .append(" to ")
        .append(today)
        .append("</h2><div id=\"trend\" data-points=\"")
        .append(days.size())
        .append("\" style=\"height:320px\"></div></section>");
    body.append("<div class=\"row\">");
    body.append(table("top-services", "Top services, " + month, services, k -> k));
    body.append(
        table(
            "top-compartments",
            "Top compartments, " + month,
            compartments,
            k -> paths.getOrDefault(k, k)));
    body.append("</div>");
    body.append(
        "<section><h2>Recommendations</h2><p id=\"recommendations\">Savings recommendations appear here once"
            + " the library's recommendation snapshots are served (GET /recommendations).</p></section>");
    body.append("<section><h2>Ask about your costs</h2>");
    if (s.llmProvider().isEmpty()) {
      body.append(
          "<p id=\"chat-off\">Chat needs an LLM: start the server with OPENAI_API_KEY or ANTHROPIC_API_KEY,"
              + " or OPENAI_BASE_URL pointing at an OpenAI-compatible server such as a local Ollama"
              + " (OPENAI_BASE_URL=http://localhost:11434/v1 OPENAI_MODEL=llama3.1).</p>");
    } else {
      body.append(
          "<form id=\"chat\"><input name=\"message\" size=\"70\" placeholder=\"What grew most last month?\">"
              + " <button>Ask</button></form><pre id=\"answer\"></pre>");
    }
    body.append("</section>");
    String data =
        Json.write(
            Map.of(
                "days",
                days,
                "amounts",
                sortedAmounts,
                "user_id",
                user.id(),
                "currency",
                trend.total().map(m -> m.currency().getCurrencyCode()).orElse("")));
    String script =
        "<script src=\"/webjars/echarts/"
            + echartsVersion
            + "/dist/echarts.min.js\"></script>\n<script id=\"data\" type=\"application/json\">"
            + data.replace("</", "<\\/")
            + "</script>\n"
            + SCRIPT;
    return shell("Cloudey dashboard", body.toString(), script);
  }

  private static String table(
      String id, String title, CostReport report, java.util.function.UnaryOperator<String> name) {
    StringBuilder t = new StringBuilder();
    t.append("<section><h2>")
        .append(esc(title))
        .append("</h2><table id=\"")
        .append(id)
        .append("\"><tbody>");
    for (CostRow row : report.rows()) {
      t.append("<tr><td>")
          .append(esc(name.apply(row.key().get(0))))
          .append("</td><td class=\"num\">")
          .append(esc(row.cost().toString()))
          .append("</td></tr>");
    }
    t.append("</tbody></table></section>");
    return t.toString();
  }

  static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  private static String shell(String title, String body, String scripts) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
        + esc(title)
        + "</title><style>"
        + "body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#222}"
        + "table{border-collapse:collapse;width:100%}td{padding:.25rem .5rem;border-bottom:1px solid #ddd}"
        + ".num{text-align:right;font-variant-numeric:tabular-nums}.row{display:flex;gap:2rem}.row section{flex:1}"
        + ".who{color:#666}.err{color:#b00}pre{white-space:pre-wrap;background:#f6f6f6;padding:.75rem}"
        + "</style></head><body>"
        + body
        + scripts
        + "</body></html>";
  }

  private static final String SCRIPT =
      """
      <script>
      const data = JSON.parse(document.getElementById('data').textContent);
      const chart = echarts.init(document.getElementById('trend'));
      chart.setOption({tooltip: {trigger: 'axis'}, xAxis: {type: 'category', data: data.days},
        yAxis: {type: 'value', name: data.currency},
        series: [{type: 'line', name: 'cost', data: data.amounts.map(Number), showSymbol: false}]});
      document.getElementById('logout').onclick = async (e) => {
        e.preventDefault(); await fetch('/logout', {method: 'POST'}); location.reload(); };
      const form = document.getElementById('chat');
      if (form) form.onsubmit = async (e) => {
        e.preventDefault();
        const out = document.getElementById('answer');
        out.textContent = '';
        const r = await fetch('/chat/stream/' + data.user_id, {method: 'POST',
          headers: {'Content-Type': 'application/json'},
          body: JSON.stringify({message: form.message.value, thread_id: 'page'})});
        if (!r.ok) { out.textContent = (await r.json()).message; return; }
        const reader = r.body.getReader(); const dec = new TextDecoder(); let buf = '';
        for (;;) {
          const {value, done} = await reader.read(); if (done) break;
          buf += dec.decode(value, {stream: true});
          let i;
          while ((i = buf.indexOf('\\n\\n')) >= 0) {
            const frame = buf.slice(0, i); buf = buf.slice(i + 2);
            const ev = (frame.match(/^event: (.*)$/m) || [])[1];
            const d = JSON.parse((frame.match(/^data: (.*)$/m) || [, 'null'])[1]);
            if (ev === 'token') out.textContent += d.text;
            else if (ev === 'tool_call') out.textContent += '\\n[' + d.name + ']\\n';
            else if (ev === 'error') out.textContent += '\\n(' + d.message + ')';
          }
        }
      };
      </script>
      """;
}
