package io.github.hybridshop.core;

import java.util.List;

/** Input that breaks the shop's rules; carries every field error found, not just the first. */
public final class ValidationException extends ShopException {
  private static final long serialVersionUID = 1L;

  /** The rejected fields, in the order they were checked. */
  private final transient List<FieldError> errors;

  /**
   * Creates the exception.
   *
   * @param errors at least one field error
   */
  public ValidationException(List<FieldError> errors) {
    super(summary(errors));
    this.errors = List.copyOf(errors);
  }

  /**
   * Shortcut for a single field error.
   *
   * @param field the rejected field
   * @param message what is wrong with it
   * @return the exception, ready to throw
   */
  public static ValidationException of(String field, String message) {
    return new ValidationException(List.of(new FieldError(field, message)));
  }

  /**
   * Returns the rejected fields.
   *
   * @return the field errors, never empty
   */
  public List<FieldError> errors() {
    return errors;
  }

  private static String summary(List<FieldError> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a ValidationException needs at least one field error");
    }
    StringBuilder text = new StringBuilder("Invalid input: ");
    for (int i = 0; i < errors.size(); i++) {
      FieldError error = errors.get(i);
      text.append(i == 0 ? "" : "; ").append(error.field()).append(' ').append(error.message());
    }
    return text.toString();
  }
}
