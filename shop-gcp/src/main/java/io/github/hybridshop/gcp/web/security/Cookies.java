package io.github.hybridshop.gcp.web.security;

import java.time.Duration;
import java.util.Optional;
import spark.Request;
import spark.Response;

/**
 * Reads and writes the site's signed cookies with the attributes Spark cannot set itself
 * ({@code SameSite}). Every cookie is {@code HttpOnly}, {@code Path=/}, and {@code Secure}
 * when the request came over HTTPS (directly or through Cloud Run's front end).
 */
public final class Cookies {
  /** How strictly the browser withholds a cookie on cross-site requests. */
  public enum SameSite {
    /** Sent on top-level navigations from other sites (links into the shop keep the cart). */
    LAX,
    /** Never sent cross-site: the admin session. */
    STRICT
  }

  private final CookieSigner signer;

  /**
   * Creates the cookie jar.
   *
   * @param signer signs and verifies values
   */
  public Cookies(CookieSigner signer) {
    this.signer = signer;
  }

  /**
   * Reads a signed cookie.
   *
   * @param request the request
   * @param name the cookie name
   * @return the verified value, or empty when absent or forged
   */
  public Optional<String> read(Request request, String name) {
    return signer.verify(name, request.cookie(name));
  }

  /**
   * Sets a signed cookie.
   *
   * @param request the request (decides {@code Secure})
   * @param response the response
   * @param name the cookie name
   * @param value the plain value
   * @param maxAge lifetime, or {@code null} for a browser-session cookie
   * @param sameSite the SameSite policy
   */
  public void write(
      Request request, Response response, String name, String value, Duration maxAge, SameSite sameSite) {
    StringBuilder header = new StringBuilder(name).append('=').append(signer.sign(name, value));
    header.append("; Path=/; HttpOnly; SameSite=").append(sameSite == SameSite.STRICT ? "Strict" : "Lax");
    if (maxAge != null) {
      header.append("; Max-Age=").append(maxAge.toSeconds());
    }
    if (isHttps(request)) {
      header.append("; Secure");
    }
    response.raw().addHeader("Set-Cookie", header.toString());
  }

  /**
   * Removes a cookie.
   *
   * @param request the request
   * @param response the response
   * @param name the cookie name
   */
  public void clear(Request request, Response response, String name) {
    response.raw().addHeader(
        "Set-Cookie",
        name + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0" + (isHttps(request) ? "; Secure" : ""));
  }

  /**
   * Tells whether the browser used HTTPS; Cloud Run terminates TLS and says so in
   * {@code X-Forwarded-Proto}.
   *
   * @param request the request
   * @return {@code true} for HTTPS
   */
  public static boolean isHttps(Request request) {
    return "https".equalsIgnoreCase(request.scheme())
        || "https".equalsIgnoreCase(request.headers("X-Forwarded-Proto"));
  }
}
