/**
 * The advisor's rules that need no provider knowledge beyond the model: idle, stopped and
 * over-provisioned instances, unattached and orphaned storage, old backups, non-production
 * schedules, idle load balancers, and the account-wide insights (cost anomaly, trend, service
 * concentration). Each rule is one class with a typed {@code Options} record whose defaults are
 * documented, and states its savings formula in its javadoc (see docs/recommendations.md).
 *
 * <p>Register them with {@link app.cloudey.Cloudey.Builder#rule}, or all at once with {@link
 * app.cloudey.advisor.StandardRules#all()}.
 */
@NullMarked
package app.cloudey.advisor;

import org.jspecify.annotations.NullMarked;
