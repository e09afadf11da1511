/**
 * Test support for Cloudey and for applications that embed it: a scriptable {@link
 * app.cloudey.testkit.FakeCloudProvider}, hand-checkable {@link app.cloudey.testkit.Fixtures}, a
 * {@link app.cloudey.testkit.MutableClock} and a {@link app.cloudey.testkit.RecordingListener}. The
 * SPI contract tests are in {@link app.cloudey.testkit.contract}; the PostgreSQL and Redis JUnit
 * extensions in {@link app.cloudey.testkit.junit}.
 */
@NullMarked
package app.cloudey.testkit;

import org.jspecify.annotations.NullMarked;
