package app.cloudey.testkit.junit;

/**
 * One test class's Redis logical database, provided by {@link RedisExtension}.
 *
 * @param uri the database's URI for Redis clients, e.g. {@code redis://127.0.0.1:6379/3}
 * @param host host name or address
 * @param port TCP port
 * @param database the logical database index (never 0 on a shared server)
 */
public record RedisServerInfo(String uri, String host, int port, int database) {}
