/**
 * JUnit 5 extensions giving tests real servers: {@link app.cloudey.testkit.junit.PostgresExtension}
 * (embedded PostgreSQL, or {@code CLOUDEY_TEST_PG_URL}) and {@link
 * app.cloudey.testkit.junit.RedisExtension} (embedded Redis, or {@code CLOUDEY_TEST_REDIS_URL}),
 * each with a fresh database per test class.
 */
@NullMarked
package app.cloudey.testkit.junit;

import org.jspecify.annotations.NullMarked;
