package app.cloudey.ai.internal;

import app.cloudey.AccountView;
import app.cloudey.model.Compartment;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceFilter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One tool call's look-ups in the account: compartments and resources by id for display (names,
 * never bare ids), and the fuzzy matching of what the model typed to a compartment or resource.
 * Loaded on first use; not shared between calls.
 */
final class Directory {
  private static final int CANDIDATES_SHOWN = 12;

  private final AccountView account;
  private @Nullable Map<String, Compartment> compartments;
  private @Nullable Map<String, Resource> resources;

  Directory(AccountView account) {
    this.account = account;
  }

  /** Live compartments by id, ordered by path. */
  Map<String, Compartment> compartments() {
    if (compartments == null) {
      compartments = new LinkedHashMap<>();
      account.compartments().forEach(c -> compartments.put(c.id(), c));
    }
    return compartments;
  }

  /** Every resource by id, deleted ones included (costs may name them). */
  Map<String, Resource> resources() {
    if (resources == null) {
      resources = new LinkedHashMap<>();
      account.resources(ResourceFilter.ALL.withDeleted()).forEach(r -> resources.put(r.id(), r));
    }
    return resources;
  }

  /** The compartment's path, e.g. {@code root/prod/web}; the id when unknown. */
  String compartmentPath(String compartmentId) {
    if (compartmentId.isEmpty()) {
      return "(no compartment)";
    }
    Compartment c = compartments().get(compartmentId);
    return c == null ? compartmentId : c.path();
  }

  /** The resource's name and type, e.g. {@code web1 (instance)}; the id when unknown. */
  String resourceLabel(String resourceId) {
    if (resourceId.isEmpty()) {
      return "(no resource: network, support, credits…)";
    }
    Resource r = resources().get(resourceId);
    if (r == null) {
      return resourceId + " (not in the inventory)";
    }
    String name = r.name().isBlank() ? r.id() : r.name();
    return name
        + " ("
        + r.type().key()
        + (r.lifecycleState().equals("DELETED") ? ", deleted" : "")
        + ")";
  }

  /** The compartment and every compartment below it. */
  Set<String> subtree(Compartment top) {
    String prefix = top.path() + "/";
    return compartments().values().stream()
        .filter(c -> c.id().equals(top.id()) || c.path().startsWith(prefix))
        .map(Compartment::id)
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }

  /**
   * The compartment the text names: its name or path, any case, spaces and punctuation ignored;
   * {@code root} or {@code tenancy} for the root; then a unique partial or near match.
   *
   * @throws ToolInputException when nothing or several compartments match (listing them)
   */
  Compartment compartment(String text) {
    List<Compartment> all = new ArrayList<>(compartments().values());
    String term = Names.normalize(text);
    if (term.equals("root") || term.equals("tenancy")) {
      List<Compartment> roots = all.stream().filter(Compartment::isRoot).toList();
      if (roots.size() == 1) {
        return roots.get(0);
      }
    }
    Function<Compartment, String> path = c -> normalizePath(c.path());
    String termPath = normalizePath(text);
    return pick(
        "compartment",
        text,
        all,
        List.of(
            c -> Names.normalize(c.name()).equals(term),
            c -> path.apply(c).equals(termPath) || path.apply(c).endsWith("/" + termPath),
            c -> term.length() >= 3 && Names.normalize(c.name()).contains(term),
            c ->
                term.length() >= 4
                    && Names.distance(Names.normalize(c.name()), term, term.length() / 4 + 1)
                        <= term.length() / 4 + 1),
        Compartment::path);
  }

  /**
   * The resource the text names: its id, or its name (any case), then a unique partial match.
   *
   * @throws ToolInputException when nothing or several resources match (listing them)
   */
  Resource resource(String text) {
    Resource byId = resources().get(text.trim());
    if (byId != null) {
      return byId;
    }
    String term = Names.normalize(text);
    List<Resource> all =
        resources().values().stream()
            .sorted(Comparator.comparing((Resource r) -> r.name()).thenComparing(Resource::id))
            .toList();
    return pick(
        "resource",
        text,
        all,
        List.of(
            r -> r.name().equalsIgnoreCase(text.trim()),
            r -> Names.normalize(r.name()).equals(term),
            r -> term.length() >= 3 && Names.normalize(r.name()).contains(term)),
        r -> r.name() + " (" + r.type().key() + ", " + compartmentPath(r.compartmentId()) + ")");
  }

  /** The only candidate of the first tier that matches any; an error naming them otherwise. */
  private static <T> T pick(
      String what,
      String text,
      List<T> all,
      List<java.util.function.Predicate<T>> tiers,
      Function<T, String> label) {
    for (java.util.function.Predicate<T> tier : tiers) {
      List<T> matches = all.stream().filter(tier).toList();
      if (matches.size() == 1) {
        return matches.get(0);
      }
      if (matches.size() > 1) {
        throw new ToolInputException(
            "'"
                + text
                + "' matches "
                + matches.size()
                + " "
                + what
                + "s: "
                + shown(matches, label)
                + "; ask again with one of them (a path or the full name)");
      }
    }
    throw new ToolInputException(
        "no "
            + what
            + " matches '"
            + text
            + "'"
            + (what.equals("compartment") && !all.isEmpty()
                ? "; the compartments are: " + shown(all, label)
                : "; search the inventory to find its name"));
  }

  private static <T> String shown(List<T> items, Function<T, String> label) {
    String listed =
        items.stream().limit(CANDIDATES_SHOWN).map(label).collect(Collectors.joining(", "));
    return items.size() > CANDIDATES_SHOWN
        ? listed + " (and " + (items.size() - CANDIDATES_SHOWN) + " more)"
        : listed;
  }

  private static String normalizePath(String path) {
    return java.util.Arrays.stream(path.split("/"))
        .map(Names::normalize)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.joining("/"));
  }
}
