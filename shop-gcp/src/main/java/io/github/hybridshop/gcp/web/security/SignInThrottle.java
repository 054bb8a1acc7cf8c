package io.github.hybridshop.gcp.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import spark.Request;
import spark.Response;

/**
 * Slows down password guessing without server memory: failures are counted in a signed cookie,
 * and after {@value #FREE_ATTEMPTS} of them the browser must wait {@link #FIRST_WAIT} before the
 * next try, doubling with every further failure up to {@link #MAX_WAIT}. Every failure also costs the caller {@link #FAILURE_DELAY}.
 *
 * <p>Limits: a client that drops cookies resets its own count, so this stops careless or
 * scripted-in-a-browser guessing, not a determined attacker; that one is held back by the
 * PBKDF2 cost and the per-failure delay, and in the cloud by Cloud Run's instance limits or a
 * Cloud Armor rate-limit rule in front of the service.
 */
public final class SignInThrottle {
  /** Failures allowed before waiting is required. */
  public static final int FREE_ATTEMPTS = 3;

  /** Wait after the first failure beyond the free ones. */
  public static final Duration FIRST_WAIT = Duration.ofSeconds(30);

  /** Longest enforced wait. */
  public static final Duration MAX_WAIT = Duration.ofMinutes(5);

  /** Delay added to every failed attempt. */
  public static final Duration FAILURE_DELAY = Duration.ofMillis(300);

  private static final String COOKIE = "signin";
  private final Cookies cookies;
  private final Clock clock;

  /**
   * Creates the throttle.
   *
   * @param cookies the signed cookie jar
   * @param clock time source
   */
  public SignInThrottle(Cookies cookies, Clock clock) {
    this.cookies = cookies;
    this.clock = clock;
  }

  /**
   * Returns how long this browser must still wait before trying again.
   *
   * @param request the sign-in request
   * @return zero when it may try now
   */
  public Duration waitBeforeNextTry(Request request) {
    State state = state(request);
    if (state.failures() < FREE_ATTEMPTS) {
      return Duration.ZERO;
    }
    Duration wait = FIRST_WAIT.multipliedBy(1L << Math.min(state.failures() - FREE_ATTEMPTS, 16));
    if (wait.compareTo(MAX_WAIT) > 0) {
      wait = MAX_WAIT;
    }
    Duration left = Duration.between(clock.instant(), state.lastFailure().plus(wait));
    return left.isNegative() ? Duration.ZERO : left;
  }

  /**
   * Records a failure and sleeps {@link #FAILURE_DELAY}.
   *
   * @param request the request
   * @param response the response that carries the updated count
   */
  public void recordFailure(Request request, Response response) {
    State state = state(request);
    cookies.write(
        request, response, COOKIE,
        (state.failures() + 1) + ":" + clock.millis(),
        Duration.ofDays(1), Cookies.SameSite.STRICT);
    try {
      Thread.sleep(FAILURE_DELAY.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Forgets the failures after a successful sign-in.
   *
   * @param request the request
   * @param response the response
   */
  public void reset(Request request, Response response) {
    cookies.clear(request, response, COOKIE);
  }

  private State state(Request request) {
    return cookies.read(request, COOKIE).map(SignInThrottle::parse).orElse(new State(0, Instant.EPOCH));
  }

  private static State parse(String value) {
    String[] parts = value.split(":");
    try {
      return new State(Integer.parseInt(parts[0]), Instant.ofEpochMilli(Long.parseLong(parts[1])));
    } catch (RuntimeException e) {
      return new State(0, Instant.EPOCH);
    }
  }

  private record State(int failures, Instant lastFailure) {}
}
