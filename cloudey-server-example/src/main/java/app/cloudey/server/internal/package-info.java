/** The server's routes, users and tokens, sessions, rate limit, errors, JSON and the demo. */
@NullMarked
package app.cloudey.server.internal;

import org.jspecify.annotations.NullMarked;
