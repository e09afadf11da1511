package app.cloudey.oci.simulator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The subset of OCI's Monitoring Query Language the simulator answers: {@code Metric[interval]{dim
 * = "v", dim =~ "a|b*"}.groupBy(dim).statistic()} or {@code .grouping()}, with statistics {@code
 * mean() max() min() sum() count() percentile(p)}; intervals in whole hours ({@code 1h..24h}) or
 * days ({@code 1d}), because the simulator's data is hourly.
 */
record Mql(
    String metric,
    int intervalHours,
    List<Condition> conditions,
    @Nullable String groupBy,
    boolean grouping,
    String statistic,
    double percentile) {

  record Condition(String dimension, boolean regex, String value) {
    boolean matches(@Nullable String actual) {
      if (actual == null) {
        return false;
      }
      if (!regex) {
        return value.equals(actual);
      }
      for (String alternative : value.split("\\|")) {
        String pattern = Pattern.quote(alternative).replace("*", "\\E.*\\Q");
        if (actual.matches(pattern)) {
          return true;
        }
      }
      return false;
    }
  }

  private static final Pattern QUERY =
      Pattern.compile(
          "^\\s*([A-Za-z][A-Za-z0-9_]*)\\s*\\[\\s*(\\d+)([mhd])\\s*\\]\\s*(\\{([^}]*)\\})?\\s*((?:\\.\\s*[A-Za-z]+\\s*\\([^)]*\\)\\s*)+)$");
  private static final Pattern CALL = Pattern.compile("\\.\\s*([A-Za-z]+)\\s*\\(([^)]*)\\)");
  private static final Pattern CONDITION =
      Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9_.]*)\\s*(=~|=)\\s*\"([^\"]*)\"\\s*$");

  static Mql parse(String query) {
    Matcher m = QUERY.matcher(query);
    if (!m.matches()) {
      throw ApiException.invalid(
          "query '" + query + "' is not valid MQL (expected Metric[1h]{dim = \"value\"}.mean())");
    }
    int amount = Integer.parseInt(m.group(2));
    int hours =
        switch (m.group(3)) {
          case "h" -> amount;
          case "d" -> amount * 24;
          default -> {
            if (amount % 60 != 0) {
              throw ApiException.invalid(
                  "interval " + amount + "m: the simulator's data is hourly; use 1h-24h or 1d");
            }
            yield amount / 60;
          }
        };
    if (hours < 1 || hours > 24) {
      throw ApiException.invalid(
          "interval must be 1m-60m, 1h-24h or 1d; was " + amount + m.group(3));
    }
    List<Condition> conditions = new ArrayList<>();
    if (m.group(5) != null && !m.group(5).isBlank()) {
      for (String part : m.group(5).split(",")) {
        Matcher c = CONDITION.matcher(part);
        if (!c.matches()) {
          throw ApiException.invalid(
              "dimension filter '"
                  + part.trim()
                  + "' is not valid MQL (dim = \"value\" or dim =~ \"a|b\")");
        }
        conditions.add(new Condition(c.group(1), c.group(2).equals("=~"), c.group(3)));
      }
    }
    String groupBy = null;
    boolean grouping = false;
    String statistic = null;
    double percentile = 0;
    Matcher call = CALL.matcher(m.group(6));
    while (call.find()) {
      String name = call.group(1);
      String arg = call.group(2).trim();
      switch (name) {
        case "groupBy" -> groupBy = arg;
        case "grouping" -> grouping = true;
        case "mean", "max", "min", "sum", "count" -> statistic = name;
        case "percentile" -> {
          statistic = name;
          try {
            percentile = Double.parseDouble(arg);
          } catch (NumberFormatException e) {
            throw ApiException.invalid("percentile(" + arg + ") needs a number between 0 and 1");
          }
          if (percentile <= 0 || percentile >= 1) {
            throw ApiException.invalid("percentile must be between 0 and 1 exclusive, was " + arg);
          }
        }
        default ->
            throw ApiException.invalid(
                "MQL function " + name + "() is not supported by the simulator");
      }
    }
    if (statistic == null) {
      throw ApiException.invalid(
          "query '" + query + "' has no statistic (mean(), max(), percentile(0.95), ...)");
    }
    return new Mql(
        m.group(1), hours, List.copyOf(conditions), groupBy, grouping, statistic, percentile);
  }
}
