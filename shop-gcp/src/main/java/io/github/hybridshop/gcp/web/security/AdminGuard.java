package io.github.hybridshop.gcp.web.security;

import spark.Service;

/**
 * Keeps admin-only paths out of reach when signed out: a before-filter answers 303 to the
 * sign-in page before any route runs.
 */
public final class AdminGuard {
  /** Where signed-out visitors are sent. */
  public static final String SIGN_IN = "/admin/signin";

  private final AdminSession session;

  /**
   * Creates the guard.
   *
   * @param session the admin session
   */
  public AdminGuard(AdminSession session) {
    this.session = session;
  }

  /**
   * Protects paths (Spark filter patterns such as {@code /admin/*}); the sign-in page itself
   * stays open.
   *
   * @param http the Spark service
   * @param paths the patterns to protect
   */
  public void protect(Service http, String... paths) {
    for (String path : paths) {
      http.before(
          path,
          (request, response) -> {
            if (!SIGN_IN.equals(request.pathInfo()) && !session.isSignedIn(request)) {
              response.redirect(SIGN_IN, 303);
              http.halt(303);
            }
          });
    }
  }
}
