package app.cloudey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The default number of an advisor snapshot's reads run at once, by processor count. */
class AdvisorReadConcurrencyTest {
  @Test
  void halfTheProcessorsBetweenTwoAndFourAndOneOnASingleProcessor() {
    assertThat(Cloudey.Builder.defaultAdvisorReadConcurrency(1)).isEqualTo(1);
    assertThat(Cloudey.Builder.defaultAdvisorReadConcurrency(2)).isEqualTo(2);
    assertThat(Cloudey.Builder.defaultAdvisorReadConcurrency(4)).isEqualTo(2);
    assertThat(Cloudey.Builder.defaultAdvisorReadConcurrency(6)).isEqualTo(3);
    assertThat(Cloudey.Builder.defaultAdvisorReadConcurrency(64)).isEqualTo(4);
  }
}
