package io.github.hybridshop.gcp.web.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import spark.Request;
import spark.Response;

/**
 * Double-submit CSRF protection bound to a signed cookie: the token lives in the signed,
 * HttpOnly {@value #COOKIE} cookie and is repeated in every form's {@value #FIELD} field. A
 * cross-site page can make the browser send the cookie but cannot read it, so it cannot fill in
 * the field; and it cannot plant its own cookie value because the signature would not match.
 */
public final class Csrf {
  /** The form field every POST form carries. */
  public static final String FIELD = "_csrf";

  /** The cookie holding the signed token. */
  public static final String COOKIE = "csrf";

  private static final String ATTRIBUTE = Csrf.class.getName();
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Cookies cookies;

  /**
   * Creates the protection.
   *
   * @param cookies the signed cookie jar
   */
  public Csrf(Cookies cookies) {
    this.cookies = cookies;
  }

  /**
   * Returns the token to put in forms, minting it (and setting the cookie) on a visitor's first
   * page.
   *
   * @param request the request
   * @param response the response
   * @return the token
   */
  public String token(Request request, Response response) {
    String cached = request.attribute(ATTRIBUTE);
    if (cached != null) {
      return cached;
    }
    String token =
        cookies
            .read(request, COOKIE)
            .orElseGet(
                () -> {
                  byte[] bytes = new byte[32];
                  RANDOM.nextBytes(bytes);
                  String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                  cookies.write(request, response, COOKIE, fresh, null, Cookies.SameSite.LAX);
                  return fresh;
                });
    request.attribute(ATTRIBUTE, token);
    return token;
  }

  /**
   * Checks a POST's {@value #FIELD} against the signed cookie.
   *
   * @param request the POST
   * @return {@code true} when both are present and equal
   */
  public boolean isValid(Request request) {
    String field = request.queryParams(FIELD);
    return field != null
        && cookies
            .read(request, COOKIE)
            .map(token -> MessageDigest.isEqual(
                token.getBytes(StandardCharsets.UTF_8), field.getBytes(StandardCharsets.UTF_8)))
            .orElse(false);
  }
}
