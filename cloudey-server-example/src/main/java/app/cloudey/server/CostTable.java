package app.cloudey.server;

import app.cloudey.model.CostReport;
import app.cloudey.model.CostRow;
import java.io.PrintStream;

/** Prints a cost report as a two-column table for the demos: the first key, then the cost. */
final class CostTable {
  private CostTable() {}

  /**
   * @param keyWidth characters for the key column (an OCID needs about 90)
   * @param costWidth characters for the right-aligned cost column
   */
  static void print(PrintStream out, String title, CostReport report, int keyWidth, int costWidth) {
    String line = "  %-" + keyWidth + "s %" + costWidth + "s%n";
    out.println(title + ":");
    for (CostRow row : report.rows()) {
      String key = row.key().get(0).isEmpty() ? "(no resource)" : row.key().get(0);
      out.printf(line, key, row.cost());
    }
    out.printf(line, "total", report.total().map(Object::toString).orElse("-"));
  }
}
