package io.github.hybridshop.aws.observability;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells a handler's first invocation from the rest. Lambda creates one handler per execution
 * environment, so the first invocation of an instance is that environment's cold start (or, on
 * SnapStart, its first after a restore).
 */
public final class ColdStart {
  private final AtomicBoolean first = new AtomicBoolean(true);

  /**
   * Marks one invocation.
   *
   * @return {@code true} for the first call only
   */
  public boolean next() {
    return first.getAndSet(false);
  }
}
