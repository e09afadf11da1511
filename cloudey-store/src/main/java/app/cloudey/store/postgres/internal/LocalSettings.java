package app.cloudey.store.postgres.internal;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Planner and memory settings local to the current transaction ({@code set_config(name, value,
 * true)}), applied in one round trip and gone when the transaction ends, so a pooled connection
 * never keeps them. Names and values are the store's own constants, never user input.
 */
final class LocalSettings {
  private final String sql;

  private LocalSettings(String sql) {
    this.sql = sql;
  }

  /** Settings from name, value pairs, e.g. {@code of("jit", "off", "work_mem", "64MB")}. */
  static LocalSettings of(String... namesAndValues) {
    if (namesAndValues.length == 0 || namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("name, value pairs expected");
    }
    List<String> calls = new ArrayList<>(namesAndValues.length / 2);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      calls.add("set_config('" + namesAndValues[i] + "', '" + namesAndValues[i + 1] + "', true)");
    }
    return new LocalSettings("select " + String.join(", ", calls));
  }

  /** Applies the settings to the transaction open on {@code h}. */
  void apply(Handle h) {
    h.createQuery(sql).mapTo(String.class).list();
  }

  /** The statement that applies them. */
  String sql() {
    return sql;
  }
}
