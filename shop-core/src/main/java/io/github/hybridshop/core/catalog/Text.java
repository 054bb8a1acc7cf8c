package io.github.hybridshop.core.catalog;

import io.github.hybridshop.core.Violations;

/** The trimming and length rule shared by names, categories and search terms. */
final class Text {
  private Text() {}

  /**
   * Trims {@code value} and records an error when it is missing, blank or too long.
   *
   * @return the trimmed value, or the original when it was {@code null}
   */
  static String checked(Violations violations, String field, String value, int maxLength) {
    if (!violations.check(value != null, field, "is required")) {
      return null;
    }
    String trimmed = value.strip();
    if (violations.check(!trimmed.isEmpty(), field, "must not be blank")) {
      violations.check(
          trimmed.codePointCount(0, trimmed.length()) <= maxLength,
          field,
          "must be at most " + maxLength + " characters");
    }
    violations.check(isStorable(trimmed), field, "must be valid text without NUL characters");
    return trimmed;
  }

  /** PostgreSQL text holds neither NUL nor half a surrogate pair; reject them here, not as a 500. */
  static boolean isStorable(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == 0) {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
