package app.cloudey.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.Cloudey;
import app.cloudey.model.AccountId;
import app.cloudey.model.JobRecord;
import app.cloudey.model.JobState;
import app.cloudey.testkit.ChildJvm;
import app.cloudey.testkit.Fixtures;
import app.cloudey.testkit.junit.PostgresExtension;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A process that dies with a job running, for real: a second JVM ({@link DoomedJobOwnerMain})
 * starts an inventory sync that hangs in its first cloud call, and the test kills that JVM with
 * SIGKILL (no shutdown hook, no final save, its heartbeats stop mid-job). A Cloudey here, on the
 * same database and the system clock, first sees the job RUNNING for several staleness timeouts
 * (the live owner keeps it fresh), then, once the owner is dead, sees it ABANDONED: by its own
 * periodic sweep, without anyone reading it.
 */
class KilledJobOwnerIT {
  @RegisterExtension static final PostgresExtension PG = PostgresExtension.create();

  private static final Duration HEARTBEAT = Duration.ofMillis(200);
  private static final int MISSED = 5;
  private static final Duration STALE_AFTER = HEARTBEAT.multipliedBy(MISSED);
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @Test
  void theJobOfAKilledProcessIsAbandonedByAnotherInstance() throws Exception {
    TestDatabase db = TestDatabase.of(PG);
    try (PostgresStore store = db.store();
        PostgresStore raw = db.store();
        Cloudey survivor =
            Cloudey.builder()
                .cloud(Fixtures.provider())
                .store(store)
                .jobHeartbeat(HEARTBEAT, MISSED)
                .build()) {
      AccountId id = Fixtures.randomAccountId();
      survivor.accounts().add(id, Fixtures.credentials());
      Process doomed = start(id);
      String jobId;
      try {
        jobId = readJobId(doomed);
        JobRecord running =
            await(
                "the job to run in the other process",
                () -> survivor.jobs().find(jobId),
                r -> r.state() == JobState.RUNNING);
        assertThat(running.owner()).isNotEqualTo(survivor.instanceId());

        // alive: three staleness timeouts later it is still RUNNING, its heartbeat newer
        Thread.sleep(3 * STALE_AFTER.toMillis());
        JobRecord later = survivor.jobs().find(jobId).orElseThrow();
        assertThat(later.state()).isEqualTo(JobState.RUNNING);
        assertThat(later.heartbeatAt()).isAfter(running.heartbeatAt());
      } finally {
        doomed.destroyForcibly(); // SIGKILL
        assertThat(doomed.waitFor(60, TimeUnit.SECONDS)).isTrue();
      }
      Instant killedAt = Instant.now();

      // read through the raw store: it is the survivor's sweep, not a read, that abandons it
      JobRecord abandoned =
          await(
              "the sweep to abandon the job",
              () -> raw.jobs().find(jobId),
              r -> r.state() == JobState.ABANDONED);
      assertThat(abandoned.heartbeatAt()).isBefore(killedAt);
      assertThat(abandoned.finishedAt())
          .isAfterOrEqualTo(abandoned.heartbeatAt().plus(STALE_AFTER));
      assertThat(abandoned.error())
          .contains("no heartbeat since before")
          .contains("found by Cloudey instance " + survivor.instanceId())
          .contains("crashed or was stopped");
      assertThat(survivor.jobs().recent(id, 5)).containsExactly(abandoned);
    }
  }

  private static <T> T await(
      String what, Supplier<java.util.Optional<T>> read, java.util.function.Predicate<T> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      java.util.Optional<T> value = read.get();
      if (value.isPresent() && done.test(value.get())) {
        return value.get();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what + "; last seen " + value);
      }
      Thread.sleep(50);
    }
  }

  /** The job id the process prints; its output is drained to the end so it never blocks. */
  private static String readJobId(Process doomed) throws Exception {
    CompletableFuture<String> id = new CompletableFuture<>();
    Thread drain =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(doomed.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                  if (line.startsWith("job ")) {
                    id.complete(line.substring(4).trim());
                  }
                }
              } catch (IOException e) {
                // the process was killed
              } finally {
                id.complete(null);
              }
            },
            "doomed-job-owner-output");
    drain.setDaemon(true);
    drain.start();
    String jobId = id.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (jobId == null) {
      throw new AssertionError(
          "the doomed process printed no job id; see its log "
              + Files.readString(Path.of("target", "doomed-job-owner.err")));
    }
    return jobId;
  }

  private static Process start(AccountId id) throws IOException {
    File errors = Path.of("target", "doomed-job-owner.err").toFile();
    return ChildJvm.of(
            DoomedJobOwnerMain.class,
            PG.database().jdbcUrl(),
            PG.database().user(),
            PG.database().password(),
            id.value(),
            String.valueOf(HEARTBEAT.toMillis()),
            String.valueOf(MISSED))
        .redirectError(errors)
        .start();
  }
}
