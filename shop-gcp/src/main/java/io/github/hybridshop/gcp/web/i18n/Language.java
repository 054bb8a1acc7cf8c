package io.github.hybridshop.gcp.web.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages the site is written in. */
public enum Language {
  /** English, the default. */
  EN("en", Locale.forLanguageTag("en-US")),
  /** Spanish. */
  ES("es", Locale.forLanguageTag("es-ES"));

  private final String code;
  private final Locale locale;

  Language(String code, Locale locale) {
    this.code = code;
    this.locale = locale;
  }

  /**
   * Returns the code used in {@code ?lang=} and {@code <html lang>}.
   *
   * @return {@code en} or {@code es}
   */
  public String code() {
    return code;
  }

  /**
   * Returns the locale used for texts and number formats.
   *
   * @return the locale
   */
  public Locale locale() {
    return locale;
  }

  /**
   * Finds a language by its code.
   *
   * @param code such as {@code es}; may be {@code null}
   * @return the language, or empty when the site does not speak it
   */
  public static Optional<Language> ofCode(String code) {
    for (Language language : values()) {
      if (language.code.equalsIgnoreCase(code == null ? "" : code.strip())) {
        return Optional.of(language);
      }
    }
    return Optional.empty();
  }

  /**
   * Picks the best language for an {@code Accept-Language} header.
   *
   * @param header the header, may be {@code null} or malformed
   * @return the best match, English when none
   */
  public static Language fromAcceptLanguage(String header) {
    if (header == null || header.isBlank()) {
      return EN;
    }
    try {
      for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
        String primary = range.getRange().split("-")[0];
        Optional<Language> match = ofCode(primary);
        if (match.isPresent()) {
          return match.get();
        }
      }
    } catch (IllegalArgumentException e) {
      return EN;
    }
    return EN;
  }

  /**
   * Lists the languages in display order.
   *
   * @return every language
   */
  public static List<Language> all() {
    return List.of(values());
  }
}
