package app.cloudey.ai.internal;

import app.cloudey.ai.AssistantOptions;
import app.cloudey.model.Recommendation;
import app.cloudey.model.RecommendationRun;
import app.cloudey.model.SavingsBasis;
import app.cloudey.model.Severity;
import app.cloudey.spi.Explainer;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The advisor's {@link Explainer} on a LangChain4j model: one call (with the assistant's retries)
 * whose prompt carries the run as compact facts and the list of amounts the narrative may state.
 * Core checks the narrative afterwards; this class only asks the model to quote amounts exactly.
 * Provider failures surface as the same exceptions as the assistant's ({@code
 * CloudeyRateLimitedException}, {@code CloudeyProviderException}, ...). Thread-safe.
 */
public final class LangChainExplainer implements Explainer {
  /** Recommendations described to the model; the rest are counted. */
  static final int LISTED = 25;

  static final String INSTRUCTIONS =
      """
      You write the executive summary of a cloud cost advisor's run for a busy manager: at most \
      150 words of markdown. Lead with the total monthly saving, then the largest opportunities \
      (name the resources), then notable insights or risks; end with one recommended next step.
      Amounts: state money only as it is written in the facts, with its currency, copied exactly \
      (for example 1234.57 USD). Never add amounts up, annualise them, convert currencies, round \
      them differently or estimate new ones; Cloudey rejects a summary that states any amount \
      not in the facts. When there are no recommendations, say that nothing to save was found.""";

  private final ModelCaller model;
  private final Retrier retrier;

  LangChainExplainer(ModelCaller model, AssistantOptions options) {
    this.model = model;
    this.retrier = new Retrier(options.retries());
  }

  /** The explainer on the chat model, or the streaming one when there is no chat model. */
  public static LangChainExplainer of(
      dev.langchain4j.model.chat.@org.jspecify.annotations.Nullable ChatModel chatModel,
      dev.langchain4j.model.chat.@org.jspecify.annotations.Nullable StreamingChatModel streaming,
      AssistantOptions options) {
    ModelCaller caller =
        chatModel != null
            ? new BlockingCaller(chatModel)
            : new StreamingCaller(
                java.util.Objects.requireNonNull(streaming), options.streamIdleTimeout());
    return new LangChainExplainer(caller, options);
  }

  @Override
  public String explain(RecommendationRun run) {
    ChatRequest request =
        ChatRequest.builder()
            .messages(SystemMessage.from(INSTRUCTIONS), UserMessage.from(facts(run)))
            .build();
    ChatResponse response;
    try {
      response = retrier.call(model, request, Events.IGNORED);
    } catch (AssistantFailure failure) {
      throw failure.exception();
    }
    String text = response.aiMessage().text();
    return text == null ? "" : text.strip();
  }

  /** The run as the model reads it: totals, each recommendation, the amounts it may state. */
  static String facts(RecommendationRun run) {
    StringBuilder out = new StringBuilder();
    List<Recommendation> all = run.recommendations();
    Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
    all.forEach(r -> bySeverity.merge(r.severity(), 1, Integer::sum));
    out.append("Advisor run of ")
        .append(Texts.minutes(run.generatedAt()))
        .append(": ")
        .append(all.size())
        .append(" recommendations")
        .append(
            bySeverity.isEmpty()
                ? ""
                : " ("
                    + bySeverity.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", "))
                    + ")")
        .append(".\nTotal monthly saving, each resource counted once: ")
        .append(Texts.total(run.totalMonthlySavings()))
        .append(".\n");
    if (!all.isEmpty()) {
      out.append("Recommendations, most severe and largest saving first:\n");
    }
    for (Recommendation r : all.subList(0, Math.min(LISTED, all.size()))) {
      out.append("- [")
          .append(r.severity())
          .append("] ")
          .append(r.title())
          .append(": ")
          .append(
              r.basis() == SavingsBasis.NONE
                  ? "insight, no saving"
                  : "saves "
                      + r.monthlySavings()
                      + " per month ("
                      + r.basis().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                      + ")")
          .append(run.counted(r) ? "" : ", overlaps a larger saving on the same resource")
          .append("; resources: ")
          .append(
              r.resourceIds().isEmpty()
                  ? "account-wide"
                  : r.resourceIds().stream()
                      .limit(5)
                      .map(r::resourceName)
                      .collect(Collectors.joining(", ")))
          .append(String.format(Locale.ROOT, "; confidence %.0f%%", r.confidence() * 100))
          .append('\n');
    }
    if (all.size() > LISTED) {
      out.append("… and ").append(all.size() - LISTED).append(" smaller ones.\n");
    }
    if (!run.failures().isEmpty()) {
      out.append("Rules that failed (their findings are missing): ")
          .append(run.failures().stream().map(f -> f.ruleId()).collect(Collectors.joining(", ")))
          .append(".\n");
    }
    Set<String> amounts = new LinkedHashSet<>();
    run.totalMonthlySavings().forEach(m -> amounts.add(m.toString()));
    for (Recommendation r : all.subList(0, Math.min(LISTED, all.size()))) {
      if (!r.monthlySavings().isZero()) {
        amounts.add(r.monthlySavings().toString());
      }
    }
    List<String> listed = new ArrayList<>(amounts);
    out.append("Amounts you may state, exactly as written: ")
        .append(listed.isEmpty() ? "none" : String.join(", ", listed))
        .append('.');
    return out.toString();
  }
}
