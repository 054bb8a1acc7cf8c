package io.github.hybridshop.examples.local;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The order the local stack's parts start and stop in, safe against a stop request at any moment.
 *
 * <p>{@code shop-local.jar} registers its shutdown hook before it starts anything, so a SIGTERM
 * during start-up reaches {@link #stop()} while the start-up thread is still inside a step (say,
 * PostgreSQL starting). The JVM halts as soon as its shutdown hooks return, so {@code stop()}
 * first waits, for a bounded time, for that step to finish: the part it was starting is then
 * registered and gets stopped like the others, and the start-up thread, finding the stop
 * requested, starts nothing more. Then every part stops newest first, each on its own thread
 * with its own time limit, so one part that hangs cannot keep the parts below it (PostgreSQL
 * last) running. Each stop is reported as one line.
 */
public final class Lifecycle {
  /** How long {@link #stop()} waits for the part being started to finish starting. */
  public static final Duration START_STEP_WAIT = Duration.ofSeconds(45);

  private final PrintStream out;
  private final Deque<Part> parts = new ArrayDeque<>();
  private final CountDownLatch startEnded = new CountDownLatch(1);
  private volatile boolean stopping;
  private volatile boolean ready;
  private boolean starting; // guarded by this, so a stop either waits for a start or prevents it

  /** One running part and how long it may take to stop. */
  private record Part(String name, AutoCloseable part, Duration stopWithin) {}

  /** Start-up was abandoned because a stop was requested meanwhile. */
  public static final class StopRequested extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StopRequested(String where) {
      super("stop requested while starting " + where);
    }
  }

  /**
   * Creates a lifecycle with nothing started.
   *
   * @param out where the status lines go, each prefixed with {@code [shop-local]}
   */
  public Lifecycle(PrintStream out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  /**
   * Prints one status line.
   *
   * @param line the line, without the prefix
   */
  public void say(String line) {
    out.println("[shop-local] " + line);
    out.flush();
  }

  /**
   * Begins start-up: from now on {@link #stop()} waits for {@link #startEnded(boolean)}.
   *
   * @throws StopRequested when a stop was requested already
   */
  public synchronized void startBegan() {
    if (stopping) {
      throw new StopRequested("the stack");
    }
    starting = true;
  }

  /**
   * Registers a part so it stops before every part registered earlier. A part whose start can
   * be cut short (PostgreSQL) registers before it starts, the others once they run.
   *
   * @param name what the stop line calls it, such as {@code API}
   * @param part how to stop it
   * @param stopWithin how long its stop may take before the next part stops regardless
   * @param <T> its type
   * @return the part
   * @throws StopRequested when a stop was requested meanwhile; the part is registered, so it is
   *     stopped with the others
   */
  public synchronized <T extends AutoCloseable> T add(String name, T part, Duration stopWithin) {
    parts.push(new Part(name, part, stopWithin));
    if (stopping) {
      throw new StopRequested(name);
    }
    return part;
  }

  /**
   * Between two steps of start-up: gives up when a stop was requested.
   *
   * @param next the step about to begin
   * @throws StopRequested when a stop was requested
   */
  public void checkNotStopping(String next) {
    if (stopping) {
      throw new StopRequested(next);
    }
  }

  /**
   * Ends start-up: called once by the start-up thread, whether it finished, failed or gave up.
   *
   * @param everythingStarted whether every part is running
   */
  public void startEnded(boolean everythingStarted) {
    ready = everythingStarted && !stopping;
    startEnded.countDown();
  }

  /**
   * Returns whether every part started and no stop was requested.
   *
   * @return what {@code /health} reports as ready
   */
  public boolean isReady() {
    return ready && !stopping;
  }

  /**
   * Returns whether the parts are stopping or stopped.
   *
   * @return whether {@link #stop()} was called
   */
  public boolean isStopping() {
    return stopping;
  }

  /**
   * Stops every registered part, newest first, each within its own time limit, printing one line
   * per part; waits up to {@link #START_STEP_WAIT} first for a start-up step in progress. Safe
   * to call more than once and from several threads: later calls find nothing left to stop.
   */
  public void stop() {
    boolean waitForStart;
    synchronized (this) {
      stopping = true;
      waitForStart = starting;
    }
    try {
      if (waitForStart && !startEnded.await(START_STEP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        say("start-up did not pause within " + START_STEP_WAIT.toSeconds() + " s; stopping what has started");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      while (!parts.isEmpty()) {
        stopBounded(parts.pop());
      }
    }
  }

  private void stopBounded(Part part) {
    AtomicReference<Exception> failure = new AtomicReference<>();
    Thread stopper =
        new Thread(
            () -> {
              try {
                part.part().close();
              } catch (Exception e) {
                failure.set(e);
              }
            },
            "shop-local-stop-" + part.name());
    stopper.setDaemon(true);
    stopper.start();
    try {
      stopper.join(part.stopWithin().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (stopper.isAlive()) {
      say("stopping " + part.name() + " took over " + part.stopWithin().toSeconds() + " s; going on without it");
    } else if (failure.get() != null) {
      say("stopping " + part.name() + " failed: " + failure.get().getMessage());
    } else {
      say("stopped " + part.name());
    }
  }
}
