package io.github.hybridshop.gcp.web;

import io.github.hybridshop.gcp.web.i18n.Texts;

/**
 * What every page's layout needs: texts, the CSRF token for its forms, whether the admin is
 * signed in, the cart's size, and the current path for the language switch.
 *
 * @param t the visitor's texts and formats
 * @param csrf the token for {@code _csrf} fields
 * @param admin {@code true} when the admin is signed in
 * @param cartUnits units in the cart
 * @param path the request path, for {@code ?lang=} links
 */
public record Page(Texts t, String csrf, boolean admin, int cartUnits, String path) {
  /**
   * Returns the link that switches to a language on this page.
   *
   * @param code the language code
   * @return such as {@code /cart?lang=es}
   */
  public String langHref(String code) {
    return path + "?lang=" + code;
  }
}
