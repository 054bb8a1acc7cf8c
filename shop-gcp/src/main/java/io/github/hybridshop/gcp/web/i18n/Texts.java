package io.github.hybridshop.gcp.web.i18n;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The site's texts and number formats for one visitor: a resource bundle
 * ({@code i18n/messages[_es].properties}) plus the shop currency formatted the way the visitor's
 * locale writes it ({@code €12.50} in English, {@code 12,50 €} in Spanish).
 */
public final class Texts {
  // English lives in the base bundle; never fall back to the JVM's default locale instead.
  private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private final Language language;
  private final ResourceBundle bundle;
  // NumberFormat is not thread-safe and slow to build; one per thread, built once.
  private final ThreadLocal<NumberFormat> moneyFormat;

  /**
   * Loads the texts.
   *
   * @param language the visitor's language
   * @param currency the shop's currency
   */
  public Texts(Language language, Currency currency) {
    this.language = language;
    this.bundle = ResourceBundle.getBundle("i18n.messages", language.locale(), NO_DEFAULT_LOCALE);
    this.moneyFormat = ThreadLocal.withInitial(() -> {
      NumberFormat format = NumberFormat.getCurrencyInstance(language.locale());
      format.setCurrency(currency);
      format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
      format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
      return format;
    });
  }

  /**
   * Returns the language.
   *
   * @return the language these texts are in
   */
  public Language language() {
    return language;
  }

  /**
   * Returns a text.
   *
   * @param key the bundle key
   * @return the text, or the key itself when missing (visible, never a crash)
   */
  public String get(String key) {
    try {
      return bundle.getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
  }

  /**
   * Returns a text with {@link MessageFormat} arguments filled in.
   *
   * @param key the bundle key
   * @param args the arguments
   * @return the text
   */
  public String format(String key, Object... args) {
    return new MessageFormat(get(key), language.locale()).format(args);
  }

  /**
   * Formats an amount of the shop currency for the visitor's locale.
   *
   * @param amount the amount
   * @return such as {@code €12.50} or {@code 12,50 €}
   */
  public String money(BigDecimal amount) {
    return moneyFormat.get().format(amount);
  }
}
