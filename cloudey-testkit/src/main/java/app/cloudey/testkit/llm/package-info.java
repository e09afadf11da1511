/**
 * Local LLM provider stubs for tests: {@link app.cloudey.testkit.llm.OpenAiStubServer} speaks the
 * OpenAI chat completions API (and so stands for any OpenAI-compatible endpoint), {@link
 * app.cloudey.testkit.llm.AnthropicStubServer} the Anthropic Messages API. Both run on the JDK's
 * HTTP server on loopback, answer each request with the next {@link
 * app.cloudey.testkit.llm.StubReply} of their script (text, tool-call requests, errors, delays; as
 * SSE when the client streams) and record every request, so a test can assert the system prompt,
 * the tools offered and the tool results sent back. The real LangChain4j clients talk to them
 * through their {@code baseUrl}.
 *
 * <pre>{@code
 * try (OpenAiStubServer llm = OpenAiStubServer.start()) {
 *   llm.enqueue(StubReply.toolCall("query_costs", "{\"period\":\"last_month\"}"),
 *               StubReply.text("You spent 18.24 USD last month."));
 *   ChatModel model = OpenAiChatModel.builder().baseUrl(llm.baseUrl()).apiKey("test")
 *       .modelName("stub").build();
 *   ...
 *   assertThat(llm.requests().get(1).toolResults()).hasSize(1);
 * }
 * }</pre>
 */
@NullMarked
package app.cloudey.testkit.llm;

import org.jspecify.annotations.NullMarked;
