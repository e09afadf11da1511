/**
 * Abstract JUnit 5 contract tests, one per SPI. An implementation proves it honours an SPI's
 * javadoc by extending the contract and implementing its factory (and, for the sources, its oracle)
 * methods:
 *
 * <pre>{@code
 * class PostgresCostStoreIT extends CostStoreContract {
 *   @RegisterExtension static final PostgresExtension PG = PostgresExtension.create();
 *
 *   @Override
 *   protected CloudeyStore createStore() {
 *     return PostgresStore.create(PG.dataSource());
 *   }
 * }
 * }</pre>
 *
 * Every test uses fresh random account ids, so one database can serve a whole test class. Every
 * assertion checks exact values computed by hand from {@link app.cloudey.testkit.Fixtures}.
 */
@NullMarked
package app.cloudey.testkit.contract;

import org.jspecify.annotations.NullMarked;
