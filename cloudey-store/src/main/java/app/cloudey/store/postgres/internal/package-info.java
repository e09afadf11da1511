/** Implementation of the PostgreSQL store; not API, may change in any release. */
@NullMarked
package app.cloudey.store.postgres.internal;

import org.jspecify.annotations.NullMarked;
