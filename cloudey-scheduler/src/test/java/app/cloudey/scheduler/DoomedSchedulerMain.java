package app.cloudey.scheduler;

import app.cloudey.Schedule;
import app.cloudey.testkit.FakeCloudProvider;
import app.cloudey.testkit.Fixtures;
import java.time.Duration;

/**
 * The process {@link SchedulerFailoverIT} kills: a node whose cloud answers each call after ten
 * minutes, so its scheduler picks the account's task, starts the inventory sync and hangs in it
 * (holding the account's lock) until the test kills it with SIGKILL.
 *
 * <p>Arguments: JDBC URL, schema, scheduler name.
 */
public final class DoomedSchedulerMain {
  private DoomedSchedulerMain() {}

  public static void main(String[] args) throws InterruptedException {
    FakeCloudProvider slow = Fixtures.providerBuilder().callLatency(Duration.ofMinutes(10)).build();
    Node node = new Node(args[0], args[1], slow);
    node.scheduler(args[2], Node.failoverOptions(args[1]).withThreads(1), Schedule.ofDefaults())
        .start();
    System.out.println("scheduler " + args[2] + " started");
    Thread.sleep(Duration.ofMinutes(30).toMillis()); // never returns normally: the test kills it
  }
}
