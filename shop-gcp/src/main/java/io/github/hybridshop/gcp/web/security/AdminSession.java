package io.github.hybridshop.gcp.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import spark.Request;
import spark.Response;

/**
 * The admin's signed-in state: a signed, {@code SameSite=Strict} cookie holding only its expiry.
 * Nothing is kept on the server, so signing out elsewhere cannot revoke a stolen cookie before it
 * expires; the lifetime is short for that reason, and rotating {@code SHOP_COOKIE_SECRET} ends
 * every session at once.
 */
public final class AdminSession {
  /** How long a sign-in lasts. */
  public static final Duration LIFETIME = Duration.ofHours(8);

  private static final String COOKIE = "session";
  private static final String PREFIX = "admin:";
  private final Cookies cookies;
  private final Clock clock;

  /**
   * Creates the session handling.
   *
   * @param cookies the signed cookie jar
   * @param clock the time source for expiry
   */
  public AdminSession(Cookies cookies, Clock clock) {
    this.cookies = cookies;
    this.clock = clock;
  }

  /**
   * Tells whether the request comes from a signed-in admin whose session has not expired.
   *
   * @param request the request
   * @return {@code true} when signed in
   */
  public boolean isSignedIn(Request request) {
    return cookies
        .read(request, COOKIE)
        .filter(value -> value.startsWith(PREFIX))
        .map(value -> parseEpoch(value.substring(PREFIX.length())))
        .map(expiry -> clock.instant().getEpochSecond() < expiry)
        .orElse(false);
  }

  /**
   * Signs the admin in.
   *
   * @param request the request
   * @param response the response that carries the cookie
   */
  public void signIn(Request request, Response response) {
    Instant expiry = clock.instant().plus(LIFETIME);
    cookies.write(request, response, COOKIE, PREFIX + expiry.getEpochSecond(), LIFETIME, Cookies.SameSite.STRICT);
  }

  /**
   * Signs the admin out.
   *
   * @param request the request
   * @param response the response that clears the cookie
   */
  public void signOut(Request request, Response response) {
    cookies.clear(request, response, COOKIE);
  }

  private static long parseEpoch(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
