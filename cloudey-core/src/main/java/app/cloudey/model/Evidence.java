package app.cloudey.model;

import java.util.List;

/**
 * The data behind a recommendation as a small table, e.g. columns {@code day, p95 cpu %} and a row
 * per day. Every row has exactly one cell per column.
 */
public record Evidence(List<String> columns, List<List<String>> rows) {
  public static final Evidence NONE = new Evidence(List.of(), List.of());

  public Evidence {
    columns = Checks.copy(columns, "columns");
    rows = Checks.copy(rows, "rows").stream().map(r -> Checks.copy(r, "row")).toList();
    int width = columns.size();
    for (int i = 0; i < rows.size(); i++) {
      int row = i;
      List<String> cells = rows.get(i);
      Checks.require(
          cells.size() == width,
          () ->
              "evidence row "
                  + row
                  + " has "
                  + cells.size()
                  + " cells but there are "
                  + width
                  + " columns");
    }
  }
}
