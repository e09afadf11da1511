package app.cloudey.model;

/**
 * One step a user can take on a recommendation.
 *
 * @param title short imperative, e.g. "Terminate the instance"
 * @param detail markdown with how to do it (console path, CLI command)
 */
public record Action(String title, String detail) {
  public Action {
    Checks.notBlank(title, "title");
    Checks.notNull(detail, "detail");
  }
}
