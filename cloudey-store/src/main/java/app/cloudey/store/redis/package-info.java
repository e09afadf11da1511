/** The Redis cache of query results: {@link app.cloudey.store.redis.RedisCache}. */
@NullMarked
package app.cloudey.store.redis;

import org.jspecify.annotations.NullMarked;
