/**
 * The PostgreSQL store: {@link app.cloudey.store.postgres.PostgresStore} and the host-supplied
 * {@link app.cloudey.store.postgres.CredentialKeys} that encrypt credentials at rest.
 */
@NullMarked
package app.cloudey.store.postgres;

import org.jspecify.annotations.NullMarked;
