package io.github.hybridshop.gcp.web;

import io.github.hybridshop.gcp.web.cart.CartCookie;
import io.github.hybridshop.gcp.web.i18n.Language;
import io.github.hybridshop.gcp.web.i18n.Texts;
import io.github.hybridshop.gcp.web.security.AdminSession;
import io.github.hybridshop.gcp.web.security.Cookies;
import io.github.hybridshop.gcp.web.security.Csrf;
import java.time.Duration;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;
import spark.Request;
import spark.Response;

/**
 * Builds the {@link Page} for a request: picks the language ({@code ?lang=} remembered in a
 * cookie, else {@code Accept-Language}), and gathers the CSRF token, admin flag and cart size.
 */
public final class Pages {
  private static final String LANG_COOKIE = "lang";
  private final Cookies cookies;
  private final Csrf csrf;
  private final AdminSession session;
  private final CartCookie carts;
  private final Map<Language, Texts> texts = new EnumMap<>(Language.class);

  /**
   * Creates the page builder.
   *
   * @param cookies the signed cookie jar
   * @param csrf CSRF tokens
   * @param session the admin session
   * @param carts the cart store
   * @param currency the shop currency
   */
  public Pages(Cookies cookies, Csrf csrf, AdminSession session, CartCookie carts, Currency currency) {
    this.cookies = cookies;
    this.csrf = csrf;
    this.session = session;
    this.carts = carts;
    for (Language language : Language.values()) {
      texts.put(language, new Texts(language, currency));
    }
  }

  /**
   * Builds the page context.
   *
   * @param request the request
   * @param response the response (may receive the language and CSRF cookies)
   * @return the context
   */
  public Page page(Request request, Response response) {
    return new Page(
        texts(request, response),
        csrf.token(request, response),
        session.isSignedIn(request),
        carts.read(request).units(),
        request.pathInfo());
  }

  /**
   * Returns the visitor's texts, remembering an explicit {@code ?lang=} choice.
   *
   * @param request the request
   * @param response the response
   * @return the texts
   */
  public Texts texts(Request request, Response response) {
    Language chosen = Language.ofCode(request.queryParams("lang")).orElse(null);
    if (chosen != null) {
      cookies.write(request, response, LANG_COOKIE, chosen.code(), Duration.ofDays(365), Cookies.SameSite.LAX);
    } else {
      chosen =
          cookies
              .read(request, LANG_COOKIE)
              .flatMap(Language::ofCode)
              .orElseGet(() -> Language.fromAcceptLanguage(request.headers("Accept-Language")));
    }
    return texts.get(chosen);
  }
}
