package io.github.hybridshop.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects field errors so a caller hears about every bad field at once, then throws them
 * together as one {@link ValidationException}.
 *
 * <pre>{@code
 * Violations violations = new Violations();
 * violations.check(quantity > 0, "quantity", "must be at least 1");
 * violations.throwIfAny();
 * }</pre>
 */
public final class Violations {
  private final List<FieldError> errors = new ArrayList<>();

  /** Starts with no errors. */
  public Violations() {}

  /**
   * Records an error unless the condition holds.
   *
   * @param ok the condition a valid value meets
   * @param field the field's name
   * @param message what is wrong when the condition fails
   * @return {@code ok}, so dependent checks can be skipped
   */
  public boolean check(boolean ok, String field, String message) {
    if (!ok) {
      errors.add(new FieldError(field, message));
    }
    return ok;
  }

  /**
   * Records an error unconditionally.
   *
   * @param field the field's name
   * @param message what is wrong
   */
  public void add(String field, String message) {
    errors.add(new FieldError(field, message));
  }

  /**
   * Tells whether nothing was recorded.
   *
   * @return {@code true} when there are no errors
   */
  public boolean isEmpty() {
    return errors.isEmpty();
  }

  /**
   * Throws the collected errors, if any.
   *
   * @throws ValidationException carrying every recorded error
   */
  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }
}
