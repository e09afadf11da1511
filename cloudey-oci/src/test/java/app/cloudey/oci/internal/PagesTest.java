package app.cloudey.oci.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.CloudeyProviderException;
import app.cloudey.oci.OciOptions;
import app.cloudey.oci.OciService;
import com.oracle.bmc.model.BmcException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class PagesTest {
  record Page(List<String> items, @Nullable String next) {}

  private final OciCalls calls =
      new OciCalls(
          OciOptions.builder()
              .serviceRateLimit(1000)
              .tenancyRateLimit(1000)
              .retry(
                  new OciOptions.RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1), 1, 0))
              .build(),
          "hint");

  @Test
  void followsEveryPageInOrder() {
    List<String> tokens = new ArrayList<>();
    List<String> all =
        Pages.all(
            calls,
            OciService.COMPUTE,
            "ListInstances",
            page -> {
              tokens.add(String.valueOf(page));
              return switch (page == null ? "" : page) {
                case "" -> new Page(List.of("a", "b"), "p2");
                case "p2" -> new Page(List.of("c", "d"), "p3");
                default -> new Page(List.of("e"), "");
              };
            },
            Page::items,
            Page::next);
    assertThat(all).containsExactly("a", "b", "c", "d", "e");
    assertThat(tokens).containsExactly("null", "p2", "p3");
  }

  @Test
  void aFailingPageFailsTheWholeListing() {
    assertThatThrownBy(
            () ->
                Pages.all(
                    calls,
                    OciService.COMPUTE,
                    "ListInstances",
                    page -> {
                      if (page != null) {
                        throw new BmcException(500, "InternalServerError", "down", "r");
                      }
                      return new Page(List.of("a"), "p2");
                    },
                    Page::items,
                    Page::next))
        .isInstanceOf(CloudeyProviderException.class)
        .hasMessageContaining("after 3 attempts");
  }

  @Test
  void aRepeatedTokenFailsRatherThanLoopingForever() {
    assertThatThrownBy(
            () ->
                Pages.all(
                    calls,
                    OciService.COMPUTE,
                    "ListInstances",
                    page -> new Page(List.of("a"), "same"),
                    Page::items,
                    Page::next))
        .isInstanceOf(CloudeyProviderException.class)
        .hasMessageContaining("twice");
  }
}
