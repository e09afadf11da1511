/**
 * The example server (Javalin REST + SSE, arriving with its own issue) and, for now, the {@link
 * app.cloudey.server.SimulatorDemo} (and {@link app.cloudey.server.FakeCloudDemo}) that shows the
 * library end to end.
 */
@NullMarked
package app.cloudey.server;

import org.jspecify.annotations.NullMarked;
