package app.cloudey.oci.simulator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: starts one {@link OciSimulator} per test class, injects it into test and
 * lifecycle methods that take an {@code OciSimulator} parameter, clears injected faults after each
 * test (request counts are kept), and closes the simulator after the class.
 *
 * <pre>{@code
 * class InventoryIT {
 *   @RegisterExtension
 *   static final OciSimulatorExtension SIM =
 *       OciSimulatorExtension.of(OciSimulator.builder().seed(7).instances(40).pageSize(5));
 *
 *   @Test
 *   void listsInstances(OciSimulator simulator) { ... }
 * }
 * }</pre>
 *
 * Used with {@code @ExtendWith(OciSimulatorExtension.class)} it starts a simulator with the
 * builder's defaults. Not for concurrent test classes sharing one instance field.
 */
public final class OciSimulatorExtension
    implements BeforeAllCallback, AfterAllCallback, AfterEachCallback, ParameterResolver {
  private final OciSimulator.Builder builder;
  private volatile OciSimulator simulator;

  /** With the builder's defaults (for {@code @ExtendWith}). */
  public OciSimulatorExtension() {
    this(OciSimulator.builder());
  }

  private OciSimulatorExtension(OciSimulator.Builder builder) {
    this.builder = builder;
  }

  public static OciSimulatorExtension of(OciSimulator.Builder builder) {
    return new OciSimulatorExtension(builder);
  }

  /** The running simulator; only between beforeAll and afterAll. */
  public OciSimulator simulator() {
    OciSimulator s = simulator;
    if (s == null) {
      throw new IllegalStateException(
          "the simulator runs only while the test class runs (beforeAll to afterAll)");
    }
    return s;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    simulator = builder.start();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    OciSimulator s = simulator;
    if (s != null) {
      s.faults().clear();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    OciSimulator s = simulator;
    simulator = null;
    if (s != null) {
      s.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context)
      throws ParameterResolutionException {
    return parameter.getParameter().getType() == OciSimulator.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context)
      throws ParameterResolutionException {
    return simulator();
  }
}
