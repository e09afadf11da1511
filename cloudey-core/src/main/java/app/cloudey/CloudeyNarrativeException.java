package app.cloudey;

import java.util.List;

/**
 * An explainer's narrative stated amounts of money that the recommendations run it explains does
 * not contain (see {@link app.cloudey.spi.Explainer}). The narrative is not returned; the run's
 * recommendations are unaffected. {@link #unsupportedAmounts()} lists the amounts as the narrative
 * wrote them. Asking again may give a faithful narrative; otherwise show the recommendations alone.
 */
public class CloudeyNarrativeException extends CloudeyProviderException {
  private static final long serialVersionUID = 1L;
  private final List<String> unsupportedAmounts;

  public CloudeyNarrativeException(String message, List<String> unsupportedAmounts) {
    super(message, -1, null, null);
    this.unsupportedAmounts = List.copyOf(unsupportedAmounts);
  }

  /** The amounts the narrative stated that the run does not hold, as written, in order. */
  public List<String> unsupportedAmounts() {
    return unsupportedAmounts;
  }
}
