/**
 * Cloudey's entry point: {@link app.cloudey.Cloudey} and its sub-APIs for accounts, inventory,
 * costs, metrics and recommendations.
 *
 * <pre>{@code
 * try (Cloudey cloudey = Cloudey.builder().cloud(provider, credentials).build()) {
 *   cloudey.inventory().sync();
 *   cloudey.costs().refresh(Period.month(2026, 10));
 *   CostReport bySvc = cloudey.costs().query(CostQuery.of(Period.month(2026, 10)).groupBy(SERVICE));
 * }
 * }</pre>
 */
@NullMarked
package app.cloudey;

import org.jspecify.annotations.NullMarked;
