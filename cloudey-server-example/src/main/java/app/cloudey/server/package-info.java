/**
 * The Cloudey example server: {@link app.cloudey.server.CloudeyServer} (Javalin REST and SSE, the
 * contract in docs/api.md) configured by {@link app.cloudey.server.ServerConfig} from the
 * environment, and the console {@link app.cloudey.server.SimulatorDemo}. Route handlers, users,
 * sessions, rate limiting and the demo live in {@code internal}.
 */
@NullMarked
package app.cloudey.server;

import org.jspecify.annotations.NullMarked;
