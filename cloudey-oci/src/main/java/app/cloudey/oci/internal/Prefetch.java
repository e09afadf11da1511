package app.cloudey.oci.internal;

import app.cloudey.CloudeyException;
import app.cloudey.CloudeyProviderException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazy, ordered stream over work items computed ahead on an executor, at most {@code window} at a
 * time: consumers see results in input order while up to {@code window} calls are in flight.
 * Closing the stream cancels what was not consumed.
 */
final class Prefetch {
  private Prefetch() {}

  static <T, R> Stream<R> stream(
      List<T> items, Function<T, R> work, ExecutorService executor, int window) {
    Ahead<T, R> ahead = new Ahead<>(items.iterator(), work, executor, Math.max(1, window));
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(ahead, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(ahead::cancel);
  }

  private static final class Ahead<T, R> implements Iterator<R> {
    private final Iterator<T> items;
    private final Function<T, R> work;
    private final ExecutorService executor;
    private final int window;
    private final Deque<Future<R>> inFlight = new ArrayDeque<>();

    Ahead(Iterator<T> items, Function<T, R> work, ExecutorService executor, int window) {
      this.items = items;
      this.work = work;
      this.executor = executor;
      this.window = window;
    }

    private void fill() {
      while (inFlight.size() < window && items.hasNext()) {
        T item = items.next();
        inFlight.addLast(executor.submit(() -> work.apply(item)));
      }
    }

    @Override
    public boolean hasNext() {
      fill();
      return !inFlight.isEmpty();
    }

    @Override
    public R next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Future<R> next = inFlight.pollFirst();
      try {
        R result = next.get();
        fill();
        return result;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        cancel();
        throw new CloudeyProviderException("interrupted while reading OCI metrics", -1, e, null);
      } catch (ExecutionException e) {
        cancel();
        if (e.getCause() instanceof CloudeyException ce) {
          throw ce;
        }
        throw new CloudeyProviderException(
            "reading OCI metrics failed: " + e.getCause(), -1, e.getCause(), null);
      } catch (CancellationException e) {
        throw new CloudeyProviderException("reading OCI metrics was cancelled", -1, e, null);
      }
    }

    void cancel() {
      inFlight.forEach(f -> f.cancel(true));
      inFlight.clear();
    }
  }
}
