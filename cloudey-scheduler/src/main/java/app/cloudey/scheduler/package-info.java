/**
 * A ready scheduler for Cloudey's background work on db-scheduler over PostgreSQL: {@link
 * app.cloudey.scheduler.CloudeyScheduler} runs what {@code cloudey.schedules()} says is due,
 * exactly once across the processes that share the database, and {@link
 * app.cloudey.scheduler.CloudeyScheduler#status()} reports it.
 *
 * <pre>{@code
 * try (CloudeyScheduler scheduler = CloudeyScheduler.create(cloudey, dataSource).start()) { ... }
 * }</pre>
 */
@NullMarked
package app.cloudey.scheduler;

import org.jspecify.annotations.NullMarked;
