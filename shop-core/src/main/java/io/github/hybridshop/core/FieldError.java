package io.github.hybridshop.core;

import java.util.Objects;

/**
 * One rejected input field.
 *
 * @param field the field's name as the caller sent it, dotted for nested values ({@code items[2].quantity})
 * @param message what is wrong, phrased so the caller can fix it
 */
public record FieldError(String field, String message) {
  /**
   * Checks that both parts are present.
   *
   * @param field see the record description
   * @param message see the record description
   */
  public FieldError {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }
}
