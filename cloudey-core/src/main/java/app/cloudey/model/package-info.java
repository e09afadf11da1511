/**
 * Cloudey's value types: accounts, compartments, resources, cost lines, money, periods, metrics,
 * recommendations and sync runs. Every type is an immutable record whose constructor validates its
 * fields and names the bad one in its {@link app.cloudey.CloudeyConfigException}.
 */
@NullMarked
package app.cloudey.model;

import org.jspecify.annotations.NullMarked;
