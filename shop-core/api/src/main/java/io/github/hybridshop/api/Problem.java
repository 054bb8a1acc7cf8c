package io.github.hybridshop.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One RFC 9457 problem document with the extension members the contract defines: {@code errors}
 * for {@link ProblemType#VALIDATION}, {@code shortages} for {@link ProblemType#INSUFFICIENT_STOCK},
 * {@code correlationId} for {@link ProblemType#INTERNAL_ERROR}, {@code database} for the
 * health check's {@link ProblemType#DATABASE_UNAVAILABLE} and {@link ProblemType#NOT_READY}, and
 * for the latter one member per part it checks. Members that do not apply are empty or
 * {@code null}, and are not written.
 *
 * @param type the type URI as sent; {@link #kind()} says which contract type it is
 * @param title a short summary that is the same for every occurrence of the type
 * @param status the HTTP status
 * @param detail what happened this time, for people; never SQL or stack details
 * @param errors the invalid fields
 * @param shortages the lines that are short of stock
 * @param correlationId the id to quote for an internal error
 * @param database {@code "down"} when the health check found the database unreachable
 * @param parts the health check's other parts by name, each with its details (plain values:
 *     maps, lists, strings, numbers, booleans), in the order they were checked
 */
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    List<FieldError> errors,
    List<Shortage> shortages,
    String correlationId,
    String database,
    Map<String, Object> parts) {

  /**
   * Checks the required members and copies the lists ({@code null} becomes empty).
   *
   * @param type see the record description
   * @param title see the record description
   * @param status see the record description
   * @param detail see the record description
   * @param errors see the record description
   * @param shortages see the record description
   * @param correlationId see the record description
   * @param database see the record description
   * @param parts see the record description
   */
  public Problem {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(detail, "detail");
    errors = errors == null ? List.of() : List.copyOf(errors);
    shortages = shortages == null ? List.of() : List.copyOf(shortages);
    parts = parts == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parts));
  }

  /**
   * Creates a problem of a contract type, with its status and title.
   *
   * @param type a type the API sends
   * @param detail what happened this time
   * @return the problem, without extension members
   */
  public static Problem of(ProblemType type, String detail) {
    return new Problem(type.uri(), type.title(), type.status(), detail, List.of(), List.of(), null, null, Map.of());
  }

  /**
   * Creates the {@link ProblemType#VALIDATION} problem for invalid fields; the detail lists them
   * all: {@code "Invalid input: price must not be negative; stock is required"}.
   *
   * @param errors the invalid fields, at least one
   * @return the problem
   * @throws IllegalArgumentException when {@code errors} is empty
   */
  public static Problem invalid(List<FieldError> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a validation problem needs at least one field error");
    }
    StringBuilder detail = new StringBuilder("Invalid input: ");
    for (int i = 0; i < errors.size(); i++) {
      FieldError error = errors.get(i);
      detail.append(i == 0 ? "" : "; ").append(error.field()).append(' ').append(error.message());
    }
    return of(ProblemType.VALIDATION, detail.toString()).withErrors(errors);
  }

  /**
   * Says which contract type this is.
   *
   * @return the type, {@link ProblemType#ABOUT_BLANK} or {@link ProblemType#OTHER}
   */
  public ProblemType kind() {
    return ProblemType.of(type);
  }

  /**
   * Returns a copy with the invalid fields.
   *
   * @param fieldErrors the fields
   * @return the problem with {@code errors}
   */
  public Problem withErrors(List<FieldError> fieldErrors) {
    return new Problem(type, title, status, detail, fieldErrors, shortages, correlationId, database, parts);
  }

  /**
   * Returns a copy with the short lines.
   *
   * @param lines the lines
   * @return the problem with {@code shortages}
   */
  public Problem withShortages(List<Shortage> lines) {
    return new Problem(type, title, status, detail, errors, lines, correlationId, database, parts);
  }

  /**
   * Returns a copy with a correlation id.
   *
   * @param id the id logged with the failure
   * @return the problem with {@code correlationId}
   */
  public Problem withCorrelationId(String id) {
    return new Problem(type, title, status, detail, errors, shortages, id, database, parts);
  }

  /**
   * Returns a copy with the database state.
   *
   * @param state such as {@code "down"}
   * @return the problem with {@code database}
   */
  public Problem withDatabase(String state) {
    return new Problem(type, title, status, detail, errors, shortages, correlationId, state, parts);
  }

  /**
   * Returns a copy with the health check's parts.
   *
   * @param states each part's details by name
   * @return the problem with one member per part
   */
  public Problem withParts(Map<String, Object> states) {
    return new Problem(type, title, status, detail, errors, shortages, correlationId, database, states);
  }

  /**
   * One invalid field: {@code {field, message}}.
   *
   * @param field the member path, such as {@code items[2].quantity}
   * @param message what is wrong, such as {@code "must be a whole number"}
   */
  public record FieldError(String field, String message) {
    /**
     * Checks both parts are present.
     *
     * @param field see the record description
     * @param message see the record description
     */
    public FieldError {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * One line that is short of stock: {@code {productId, requested, available}}.
   *
   * @param productId the product
   * @param requested units asked for
   * @param available units in stock
   */
  public record Shortage(long productId, int requested, int available) {}
}
