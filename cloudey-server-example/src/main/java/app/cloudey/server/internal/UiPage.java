package app.cloudey.server.internal;

import app.cloudey.CloudeyAccount;
import app.cloudey.model.Change;
import app.cloudey.model.CostDimension;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostReport;
import app.cloudey.model.Dashboard;
import app.cloudey.model.Dashboard.CurrencyDashboard;
import app.cloudey.model.LabeledCost;
import app.cloudey.model.Money;
import app.cloudey.model.MonthTotal;
import app.cloudey.model.Period;
import app.cloudey.model.Recommendation;
import app.cloudey.model.RecommendationRun;
import app.cloudey.oci.AccountPricing;
import app.cloudey.server.internal.Api.Access;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The dashboard page at {@code /ui/}: server-rendered HTML (tables filled here, the chart's points
 * embedded as JSON for echarts from its webjar), a pricing form that PUTs to {@code /pricing} and a
 * chat panel that reads the POST event stream with {@code fetch}. No front-end build step.
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
    // the same views as GET /dashboard and GET /recommendations (the browser test holds them equal)
    Dashboard dashboard = account.costs().dashboard();
    RecommendationRun run =
        account.recommendations().latest().orElseGet(() -> account.recommendations().run());
    Clock clock = s.cloudey().schedules().clock();
    LocalDate today = LocalDate.now(clock);
    Period trendPeriod = Period.of(YearMonth.now(clock).minusMonths(3).atDay(1), today.plusDays(1));
    CostReport trend = account.costs().query(CostQuery.of(trendPeriod).groupBy(CostDimension.DAY));

    List<Map<String, Object>> monthly = new ArrayList<>();
    for (CurrencyDashboard c : dashboard.currencies()) {
      body.append(summary(c));
      List<String> months = new ArrayList<>();
      List<String> actual = new ArrayList<>();
      List<String> forecast = new ArrayList<>();
      for (MonthTotal m : c.completeMonths()) {
        months.add(m.month().toString());
        actual.add(m.total().rounded().toPlainString());
        forecast.add(null);
      }
      // this month, also before its first billed day (the month to date has no period then)
      months.add(YearMonth.from(dashboard.asOf()).toString());
      actual.add(c.monthToDate().cost().rounded().toPlainString());
      forecast.add(c.forecast().total().toPlainString());
      Map<String, Object> chart = new LinkedHashMap<>();
      chart.put("currency", c.currency());
      chart.put("months", months);
      chart.put("actual", actual);
      chart.put("forecast", forecast);
      monthly.add(chart);
      body.append("<section><h2>Monthly cost, ")
          .append(c.currency())
          .append(" (this month: so far and forecast)</h2><div class=\"monthly\" id=\"monthly-")
          .append(c.currency())
          .append("\" style=\"height:260px\"></div></section>");
      body.append("<div class=\"row\">");
      body.append(
          table("top-services-" + c.currency(), "Top services this month", c.topServices()));
      body.append(
          table(
              "top-compartments-" + c.currency(),
              "Top compartments this month",
              c.topCompartments()));
      body.append("</div>");
    }
    if (dashboard.currencies().isEmpty()) {
      body.append("<p id=\"no-costs\">No costs stored yet: POST /costs/refresh/")
          .append(user.id())
          .append(".</p>");
    }

    List<String> days = new ArrayList<>();
    Map<String, String> byDay = new TreeMap<>();
    trend.rows().forEach(r -> byDay.put(r.key().get(0), r.cost().rounded().toPlainString()));
    days.addAll(byDay.keySet());
    body.append("<section><h2>Daily cost, ")
        .append(trendPeriod.start())
        .append(" to ")
        .append(today)
        .append("</h2><div id=\"trend\" style=\"height:260px\"></div></section>");
    body.append(recommendations(run));
    body.append(pricing(user.id(), PricingRoutes.storedPricing(s, user.accountId())));
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
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("user_id", user.id());
    data.put("monthly", monthly);
    data.put("days", days);
    data.put("amounts", new ArrayList<>(byDay.values()));
    data.put("currency", trend.total().map(m -> m.currency().getCurrencyCode()).orElse(""));
    String script =
        "<script src=\"/webjars/echarts/"
            + echartsVersion
            + "/dist/echarts.min.js\"></script>\n<script id=\"data\" type=\"application/json\">"
            + Json.write(data).replace("</", "<\\/")
            + "</script>\n"
            + SCRIPT
            + PRICING_SCRIPT;
    return shell("Cloudey dashboard", body.toString(), script);
  }

  static String summary(CurrencyDashboard c) {
    var mtd = c.monthToDate();
    Change mtdChange = mtd.change();
    String comparison =
        mtdChange == null
            // before this month's first billed day: nothing to compare yet, never "-100%"
            ? "<span class=\"mtd-change\">&mdash;</span>: no day of this month is billed yet"
            : "<span class=\"mtd-change\">"
                + esc(change(mtdChange))
                + "</span> against "
                + esc(mtd.lastMonthCost().toString())
                + " on the same days of last month";
    return "<p class=\"summary\">This month so far: <b>"
        + esc(mtd.cost().toString())
        + "</b> ("
        + comparison
        + ") &middot; forecast <b>"
        + c.forecast().total().setScale(2, RoundingMode.HALF_EVEN).toPlainString()
        + " "
        + esc(c.currency())
        + "</b> ("
        + c.forecast().low().setScale(2, RoundingMode.HALF_EVEN).toPlainString()
        + " to "
        + c.forecast().high().setScale(2, RoundingMode.HALF_EVEN).toPlainString()
        + ")</p>";
  }

  /** {@code +12.3%}, {@code -4.0%}; {@code new} when last month's same days cost nothing. */
  private static String change(Change change) {
    return change.percent() == null
        ? "new"
        : (change.percent().signum() > 0 ? "+" : "") + change.percent().toPlainString() + "%";
  }

  private static String table(String id, String title, List<LabeledCost> rows) {
    StringBuilder t = new StringBuilder();
    t.append("<section><h2>")
        .append(esc(title))
        .append("</h2><table id=\"")
        .append(esc(id))
        .append(
            "\"><thead><tr><th>Name</th><th class=\"num\">Cost</th><th class=\"num\">Share</th>")
        .append("</tr></thead><tbody>");
    for (LabeledCost row : rows) {
      t.append("<tr><td title=\"")
          .append(esc(row.key()))
          .append("\">")
          .append(esc(row.name()))
          .append("</td><td class=\"num\">")
          .append(esc(row.cost().toString()))
          .append("</td><td class=\"num\">")
          .append(esc(row.sharePercent().toPlainString()))
          .append("%</td></tr>");
    }
    t.append("</tbody></table></section>");
    return t.toString();
  }

  private static String recommendations(RecommendationRun run) {
    StringBuilder t = new StringBuilder();
    t.append("<section><h2>Recommendations</h2><p class=\"who\">Run of ")
        .append(
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                .withZone(ZoneOffset.UTC)
                .format(run.generatedAt()))
        .append(", monthly savings (each resource counted once) ")
        .append(
            esc(
                run.totalMonthlySavings().isEmpty()
                    ? "none"
                    : String.join(
                        ", ", run.totalMonthlySavings().stream().map(Money::toString).toList())))
        .append("</p><table id=\"recommendations\"><thead><tr><th>Severity</th><th>Title</th>")
        .append(
            "<th>Rule</th><th class=\"num\">Resources</th><th class=\"num\">Monthly savings</th>")
        .append("<th>Basis</th><th>Counted under</th></tr></thead><tbody>");
    Map<String, String> ruleOf = new HashMap<>();
    run.recommendations().forEach(r -> ruleOf.put(r.id(), r.ruleId()));
    for (Recommendation r : run.recommendations()) {
      // a finding another one covers (e.g. rightsizing an idle instance) is not in the total
      String coveredBy = run.supersededBy().get(r.id());
      t.append(coveredBy == null ? "<tr><td>" : "<tr class=\"covered\"><td>")
          .append(r.severity().name())
          .append("</td><td>")
          .append(esc(r.title()))
          .append("</td><td>")
          .append(esc(r.ruleId()))
          .append("</td><td class=\"num\">")
          .append(r.resourceIds().size())
          .append("</td><td class=\"num\">")
          .append(esc(r.monthlySavings().toString()))
          .append("</td><td>")
          .append(r.basis().name())
          .append("</td><td>")
          .append(coveredBy == null ? "" : esc(ruleOf.getOrDefault(coveredBy, coveredBy)))
          .append("</td></tr>");
    }
    if (run.recommendations().isEmpty()) {
      t.append("<tr class=\"empty\"><td colspan=\"7\">No recommendations in this run.</td></tr>");
    }
    t.append("</tbody></table></section>");
    return t.toString();
  }

  /**
   * The stored pricing (as {@code GET /pricing}) and a form for {@code PUT /pricing}, filled with
   * it: contract prices as {@code SKU=price} lines, which {@link #PRICING_SCRIPT} turns into the
   * JSON object. The values are also the form's, so saving unchanged starts no run.
   */
  static String pricing(long userId, AccountPricing p) {
    // as GET /pricing shows it: plain decimal strings, SKUs sorted
    PricingRoutes.PricingView view = PricingRoutes.PricingView.of(userId, p, null);
    String discount = view.discountPercent();
    String currency = view.currency();
    Map<String, String> prices = view.contractPrices();
    StringBuilder t = new StringBuilder();
    t.append("<section id=\"pricing\"><h2>Pricing</h2><p class=\"who\">For estimates of")
        .append(
            " resources without billed cost: discount on list prices <b id=\"pricing-discount\">")
        .append(esc(discount))
        .append("</b>% &middot; currency <b id=\"pricing-currency\">")
        .append(esc(currency))
        .append("</b></p><table id=\"pricing-prices\"><thead><tr><th>SKU</th>")
        .append("<th class=\"num\">Contract unit price</th></tr></thead><tbody>");
    StringBuilder lines = new StringBuilder();
    prices.forEach(
        (sku, price) -> {
          t.append("<tr><td>")
              .append(esc(sku))
              .append("</td><td class=\"num\">")
              .append(esc(price))
              .append("</td></tr>");
          lines.append(sku).append('=').append(price).append('\n');
        });
    if (prices.isEmpty()) {
      t.append("<tr class=\"empty\"><td colspan=\"2\">No contract prices.</td></tr>");
    }
    t.append("</tbody></table><form id=\"pricing-form\" data-url=\"/pricing/")
        .append(userId)
        .append("\"><label>Discount % <input name=\"discount_percent\" size=\"8\" value=\"")
        .append(esc(discount))
        .append("\"></label> <label>Currency <input name=\"currency\" size=\"5\" value=\"")
        .append(esc(currency))
        .append("\"></label><label class=\"block\">Contract unit prices in that currency, one")
        .append(" <code>SKU=price</code> a line<br><textarea name=\"contract_prices\" rows=\"4\"")
        .append(" cols=\"40\" placeholder=\"B93113=0.0214\">")
        .append(esc(lines.toString()))
        .append("</textarea></label><button>Save pricing</button></form>")
        .append("<p id=\"pricing-err\" class=\"err\"></p><p id=\"pricing-saved\"></p></section>");
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
        + "table{border-collapse:collapse;width:100%}td,th{padding:.25rem .5rem;border-bottom:1px solid #ddd;text-align:left}"
        + ".num{text-align:right;font-variant-numeric:tabular-nums}.row{display:flex;gap:2rem}.row section{flex:1}"
        + ".who{color:#666}tr.covered{color:#888}.err{color:#b00}pre{white-space:pre-wrap;background:#f6f6f6;padding:.75rem}pre:empty{display:none}"
        + "label.block{display:block;margin:.5rem 0}"
        + "</style></head><body>"
        + body
        + scripts
        + "</body></html>";
  }

  private static final String SCRIPT =
      """
      <script>
      const data = JSON.parse(document.getElementById('data').textContent);
      for (const m of data.monthly) {
        echarts.init(document.getElementById('monthly-' + m.currency)).setOption({
          tooltip: {trigger: 'axis'}, legend: {}, xAxis: {type: 'category', data: m.months},
          yAxis: {type: 'value', name: m.currency},
          series: [{type: 'bar', name: 'cost', data: m.actual.map(Number)},
            {type: 'bar', name: 'forecast', barGap: '-100%', z: 1, itemStyle: {opacity: 0.35},
             data: m.forecast.map(v => v === null ? null : Number(v))}]});
      }
      echarts.init(document.getElementById('trend')).setOption({tooltip: {trigger: 'axis'},
        xAxis: {type: 'category', data: data.days}, yAxis: {type: 'value', name: data.currency},
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

  /**
   * The pricing form: {@code SKU=price} lines to the JSON object (prices stay strings, so no binary
   * float touches them), PUT with the session cookie, then the API's message on an error or the
   * stored values on success. A script of its own, so it works when echarts does not load.
   */
  private static final String PRICING_SCRIPT =
      """
      <script>
      (() => {
        const form = document.getElementById('pricing-form');
        if (!form) return;
        const err = document.getElementById('pricing-err');
        const saved = document.getElementById('pricing-saved');
        form.onsubmit = async (e) => {
          e.preventDefault();
          err.textContent = ''; saved.textContent = '';
          // no prototype: a SKU named __proto__ is a key like any other
          const prices = Object.create(null);
          const lines = form.contract_prices.value.split('\\n');
          for (let i = 0; i < lines.length; i++) {
            const line = lines[i].trim();
            if (!line) continue;
            const eq = line.indexOf('=');
            if (eq < 0) {
              err.textContent = 'contract prices line ' + (i + 1) + ' must be SKU=price, e.g. B93113=0.0214, was "' + line + '"';
              return;
            }
            const sku = line.slice(0, eq).trim();
            if (sku in prices) {
              err.textContent = 'contract prices line ' + (i + 1) + ' names SKU ' + sku + ' again: give each SKU once';
              return;
            }
            prices[sku] = line.slice(eq + 1).trim();
          }
          const body = {discount_percent: form.discount_percent.value.trim() || null, contract_prices: prices};
          const currency = form.currency.value.trim();
          if (currency) body.currency = currency; // blank keeps the stored currency
          let r;
          try {
            r = await fetch(form.dataset.url, {method: 'PUT', headers: {'Content-Type': 'application/json'},
              body: JSON.stringify(body)});
          } catch (x) { err.textContent = 'the server could not be reached: ' + x.message; return; }
          const p = await r.json().catch(() => ({}));
          if (!r.ok) { err.textContent = p.message || ('HTTP ' + r.status); return; }
          document.getElementById('pricing-discount').textContent = p.discount_percent;
          document.getElementById('pricing-currency').textContent = p.currency;
          const rows = document.querySelector('#pricing-prices tbody');
          rows.replaceChildren();
          const skus = Object.keys(p.contract_prices);
          for (const sku of skus) {
            const tr = rows.insertRow();
            tr.insertCell().textContent = sku;
            const td = tr.insertCell(); td.className = 'num'; td.textContent = p.contract_prices[sku];
          }
          if (!skus.length) {
            const tr = rows.insertRow(); tr.className = 'empty';
            const td = tr.insertCell(); td.colSpan = 2; td.textContent = 'No contract prices.';
          }
          form.discount_percent.value = p.discount_percent;
          form.currency.value = p.currency;
          form.contract_prices.value = skus.map(s => s + '=' + p.contract_prices[s] + '\\n').join('');
          if (p.recommendations_job_id) {
            const job = document.createElement('code');
            job.id = 'pricing-job'; job.textContent = p.recommendations_job_id;
            saved.replaceChildren('Saved. A recommendation run with the new pricing was started: job ', job);
          } else {
            saved.textContent = 'Saved; the pricing was already so, no recommendation run was started.';
          }
        };
      })();
      </script>
      """;
}
