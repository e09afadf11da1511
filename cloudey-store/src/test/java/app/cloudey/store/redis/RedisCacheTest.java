package app.cloudey.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import app.cloudey.CloudeyConfigException;
import org.junit.jupiter.api.Test;

class RedisCacheTest {

  @Test
  void anInvalidUriIsReportedWithoutItsPassword() {
    Throwable thrown =
        catchThrowable(() -> RedisCache.create("redis://admin:s3cr3t-pw@local host:6379/0"));
    assertThat(thrown).isInstanceOf(CloudeyConfigException.class);
    assertThat(thrown.getMessage()).contains("redis://***@local host:6379/0");
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage()))
          .doesNotContain("s3cr3t-pw")
          .doesNotContain("admin");
    }
  }

  @Test
  void userInfoIsMaskedInEveryUriShape() {
    assertThat(RedisCache.maskUserInfo("redis://:pw@host:6379")).isEqualTo("redis://***@host:6379");
    assertThat(RedisCache.maskUserInfo("rediss://u:p@ss/w@host/0"))
        .isEqualTo("rediss://***@host/0");
    assertThat(RedisCache.maskUserInfo("redis://host:6379/0")).isEqualTo("redis://host:6379/0");
    assertThat(RedisCache.maskUserInfo("u:p@host")).isEqualTo("***@host");
  }
}
