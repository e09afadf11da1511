package app.cloudey.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.CloudeyConfigException;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts that input is refused with a {@link CloudeyConfigException} saying why. */
public final class Refusals {
  private Refusals() {}

  /** The call throws a {@code CloudeyConfigException} whose message contains every fragment. */
  public static AbstractThrowableAssert<?, ? extends Throwable> refused(
      ThrowingCallable call, String... messageFragments) {
    AbstractThrowableAssert<?, ? extends Throwable> assertion =
        assertThatThrownBy(call).isExactlyInstanceOf(CloudeyConfigException.class);
    for (String fragment : messageFragments) {
      assertion.hasMessageContaining(fragment);
    }
    return assertion;
  }
}
