package app.cloudey.spi;

import app.cloudey.model.RecommendationRun;

/**
 * Writes the executive summary of one recommendations run: a short narrative (markdown) for a
 * reader who will not open every recommendation. {@code CloudeyAi} (cloudey-ai) implements it with
 * an LLM and hands it to Cloudey through {@code Builder.llm(...)} ({@link
 * AssistantFactory#explainer()}); {@code Builder.explainer(...)} registers one explicitly.
 *
 * <p>Cloudey checks every narrative before returning it: each amount of money it states (a number
 * with a currency code or symbol, such as {@code 123.45 USD} or {@code $1.2k}) must be an amount of
 * the run it explains, at the precision stated (a recommendation's monthly saving, the run's total,
 * or an amount written in a recommendation's title, summary, evidence or actions). A narrative that
 * invents an amount, annualises one or sums some of them is rejected with {@link
 * app.cloudey.CloudeyNarrativeException}. Implementations should therefore quote amounts exactly as
 * the run gives them.
 *
 * <p>Recommendations never depend on an explainer: without one they are complete on their own, and
 * {@code Recommendations.explain} says that none is configured. Implementations are thread-safe;
 * {@link #explain} blocks (an LLM call) and may throw the {@link app.cloudey.CloudeyException}
 * family for provider failures.
 *
 * <pre>{@code
 * Explainer plain = run -> run.recommendations().size() + " recommendations, saving "
 *     + run.totalMonthlySavings() + " per month.";
 * Cloudey.builder().explainer(plain)...
 * }</pre>
 */
@FunctionalInterface
public interface Explainer {

  /**
   * The narrative of {@code run}, in markdown.
   *
   * @param run a stored or fresh run of one account; it may have no recommendation at all
   */
  String explain(RecommendationRun run);
}
