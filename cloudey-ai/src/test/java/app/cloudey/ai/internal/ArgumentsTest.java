package app.cloudey.ai.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.ai.AssistantOptions;
import app.cloudey.model.CostDimension;
import app.cloudey.model.Period;
import app.cloudey.model.ResourceType;
import app.cloudey.testkit.MutableClock;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** How tool arguments are read: periods on Cloudey's clock, dimensions, types, titles, backoff. */
class ArgumentsTest {
  private final Periods periods = new Periods(MutableClock.at("2026-11-20T06:00:00Z"));
  private final Period october = Period.month(2026, 10);

  @Test
  void relativePeriodsFollowTheClock() {
    assertThat(periods.parse(null, october)).isEqualTo(october);
    assertThat(periods.parse("last month", october)).isEqualTo(october);
    assertThat(periods.parse("this_month", october))
        .isEqualTo(Period.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 21)));
    assertThat(periods.parse("last_3_months", october))
        .isEqualTo(Period.of(LocalDate.of(2026, 8, 1), LocalDate.of(2026, 11, 1)));
    assertThat(periods.parse("Last 30 days", october))
        .isEqualTo(Period.of(LocalDate.of(2026, 10, 21), LocalDate.of(2026, 11, 20)));
  }

  @Test
  void fixedPeriodsIncludeBothEnds() {
    assertThat(periods.parse("2026-10", october)).isEqualTo(october);
    assertThat(periods.parse("2026", october))
        .isEqualTo(Period.of(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1)));
    assertThat(periods.parse("2026-08..2026-10", october))
        .isEqualTo(Period.of(LocalDate.of(2026, 8, 1), LocalDate.of(2026, 11, 1)));
    assertThat(periods.parse("2026-10-05 to 2026-10-07", october))
        .isEqualTo(Period.of(LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 8)));
    assertThat(Periods.describe(october)).isEqualTo("2026-10 (2026-10-01 to 2026-10-31)");
  }

  @Test
  void badPeriodsSayWhatIsAccepted() {
    assertThatThrownBy(() -> periods.parse("2026-13", october))
        .isInstanceOf(ToolInputException.class)
        .hasMessageContaining("not a valid date range")
        .hasMessageContaining("YYYY-MM-DD..YYYY-MM-DD");
    assertThatThrownBy(() -> periods.parse("2026-10..2026-08", october))
        .hasMessage("period '2026-10..2026-08' ends before it starts");
    assertThatThrownBy(() -> periods.parse("2026-10..2026-10-05", october))
        .hasMessageContaining("mixes formats");
  }

  @Test
  void groupByAndTypesAcceptWhatAModelTypes() {
    assertThat(CostTools.dimensions("Service, compartment"))
        .containsExactly(CostDimension.SERVICE, CostDimension.COMPARTMENT);
    assertThat(CostTools.dimensions("month and resource"))
        .containsExactly(CostDimension.MONTH, CostDimension.RESOURCE);
    assertThat(CostTools.dimensions("none")).isEmpty();
    assertThat(CostTools.dimensions(null)).containsExactly(CostDimension.SERVICE);
    assertThat(InventoryTools.types("instances, Block Volume, lb, bootVolume"))
        .containsExactly(
            ResourceType.INSTANCE,
            ResourceType.BLOCK_VOLUME,
            ResourceType.LOAD_BALANCER,
            ResourceType.BOOT_VOLUME);
  }

  @Test
  void namesCompareWithoutCaseOrPunctuationAndWithinAnEditDistance() {
    assertThat(Names.normalize("Block Storage")).isEqualTo(Names.normalize("BLOCK_STORAGE"));
    assertThat(Names.distance("production", "prodution", 2)).isEqualTo(1);
    assertThat(Names.distance("production", "staging", 2)).isEqualTo(3);
  }

  @Test
  void aThreadIsTitledFromItsFirstQuestionCutAtAWord() {
    assertThat(Titles.fromQuestion("  What did we spend\n last month? "))
        .isEqualTo("What did we spend last month?");
    assertThat(
            Titles.fromQuestion(
                "Which compartments grew the most between August and October, and which services"
                    + " drove it?"))
        .isEqualTo("Which compartments grew the most between August and…");
  }

  @Test
  void retriesBackOffExponentiallyUpToTheCap() {
    AssistantOptions.Retries retries =
        new AssistantOptions.Retries(5, Duration.ofMillis(100), Duration.ofMillis(350));
    assertThat(retries.backoff(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(retries.backoff(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(retries.backoff(3)).isEqualTo(Duration.ofMillis(350));
    assertThat(retries.backoff(9)).isEqualTo(Duration.ofMillis(350));
  }
}
