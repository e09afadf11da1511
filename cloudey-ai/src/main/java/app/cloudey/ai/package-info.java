/**
 * The Cloudey assistant (LangChain4j): read-only tools over one account's costs, inventory, metrics
 * and recommendations, streamed answers, chat memory in PostgreSQL. Arrives with its own issue;
 * this module holds only this package declaration until then.
 */
@NullMarked
package app.cloudey.ai;

import org.jspecify.annotations.NullMarked;
