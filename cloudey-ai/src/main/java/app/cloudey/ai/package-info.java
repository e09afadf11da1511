/**
 * The Cloudey assistant on LangChain4j: {@link app.cloudey.ai.CloudeyAi} is what {@code
 * Cloudey.builder().llm(...)} takes (from any LangChain4j chat models, or from an {@link
 * app.cloudey.ai.LlmConfig} for OpenAI, Anthropic or an OpenAI-compatible endpoint), and {@link
 * app.cloudey.ai.AssistantOptions} tunes it. Its tools read one account through core's read-only
 * view; conversations go through core's conversation store. No LangChain4j type appears in
 * Cloudey's core API.
 */
@NullMarked
package app.cloudey.ai;

import org.jspecify.annotations.NullMarked;
