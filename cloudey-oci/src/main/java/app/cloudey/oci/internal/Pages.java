package app.cloudey.oci.internal;

import app.cloudey.CloudeyProviderException;
import app.cloudey.oci.OciService;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Follows {@code opc-next-page} until the last page, each page one guarded call. Returns every item
 * or throws: a listing is never cut short, because the sync engine marks what is absent as deleted.
 */
public final class Pages {
  private Pages() {}

  /**
   * Every item of a paginated list call.
   *
   * @param fetch one page: the page token (null for the first page) to the SDK response
   * @param items the items of a response (null treated as none)
   * @param next the response's {@code opc-next-page} (null or blank on the last page)
   */
  public static <R, I> List<I> all(
      OciCalls calls,
      OciService service,
      String operation,
      Function<@Nullable String, R> fetch,
      Function<R, @Nullable List<I>> items,
      Function<R, @Nullable String> next) {
    List<I> all = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String page = null;
    do {
      String token = page;
      R response = calls.call(service, operation, () -> fetch.apply(token));
      List<I> pageItems = items.apply(response);
      if (pageItems != null) {
        all.addAll(pageItems);
      }
      page = next.apply(response);
      if (page != null && page.isBlank()) {
        page = null;
      }
      if (page != null && !seen.add(page)) {
        // a server repeating a token would loop forever; fail rather than return a partial list
        throw new CloudeyProviderException(
            "OCI " + operation + " returned the page token '" + page + "' twice", -1, null, null);
      }
    } while (page != null);
    return all;
  }
}
