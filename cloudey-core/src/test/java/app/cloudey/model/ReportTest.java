package app.cloudey.model;

import static app.cloudey.testing.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {
  private static final AccountId ACME = AccountId.of("acme");
  private static final Period OCTOBER = Period.month(2026, 10);
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

  @Test
  void aReportTotalNeedsOneCurrency() {
    CostQuery q = CostQuery.of(OCTOBER);
    assertThat(new CostReport(q, List.of(), List.of(), 0, NOW).total()).isEmpty();
    assertThat(new CostReport(q, List.of(), List.of(Money.of("3", "USD")), 7, NOW).total())
        .contains(Money.of("3", "USD"));
    CostReport mixed =
        new CostReport(q, List.of(), List.of(Money.of("3", "USD"), Money.of("2", "EUR")), 7, NOW);
    refused(mixed::total, "report mixes currencies", "use totals()");
    refused(() -> new CostReport(null, List.of(), List.of(), 0, NOW), "query must not be null");
    refused(() -> new CostReport(q, List.of(), List.of(), 0, null), "computedAt must not be null");
  }

  @Test
  void rowsNeedACost() {
    assertThat(new CostRow(null, Money.of("1", "USD")).key()).isEmpty();
    refused(() -> new CostRow(List.of("COMPUTE"), null), "cost must not be null");
  }

  @Test
  void ingestAndCloseCountsAreNeverNegative() {
    refused(() -> new IngestResult(ACME, OCTOBER, -1, List.of()), "lines must not be negative");
    refused(() -> new IngestResult(null, OCTOBER, 0, List.of()), "accountId must not be null");
    refused(() -> new IngestResult(ACME, null, 0, List.of()), "period must not be null");
    refused(
        () -> new ClosedMonth(ACME, YearMonth.of(2026, 10), NOW, -1, List.of()),
        "lines must not be negative");
    refused(() -> new ClosedMonth(ACME, null, NOW, 0, List.of()), "month must not be null");
    refused(
        () -> new ClosedMonth(ACME, YearMonth.of(2026, 10), null, 0, List.of()),
        "closedAt must not be null");
    assertThat(new ClosedMonth(ACME, YearMonth.of(2026, 10), NOW, 0, null).totals()).isEmpty();
  }
}
