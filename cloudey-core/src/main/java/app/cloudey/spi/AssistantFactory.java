package app.cloudey.spi;

import app.cloudey.Assistant;

/**
 * What {@code Cloudey.builder().llm(...)} takes: makes the {@link Assistant} of one account. {@code
 * CloudeyAi} (cloudey-ai) implements it with LangChain4j; core itself knows no LLM library.
 *
 * <p>Called each time an account's assistant is asked for ({@code
 * cloudey.account(id).assistant()}), so it should be cheap: share models and clients across calls.
 * Thread-safe. The assistant it returns may read only through the context it was given.
 */
@FunctionalInterface
public interface AssistantFactory {

  Assistant create(AssistantContext context);

  /**
   * The {@link Explainer} of recommendation runs that comes with this LLM, if any; Cloudey uses it
   * unless {@code Builder.explainer(...)} gives another. The default has none.
   */
  default java.util.Optional<Explainer> explainer() {
    return java.util.Optional.empty();
  }
}
