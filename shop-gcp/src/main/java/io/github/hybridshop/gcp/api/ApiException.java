package io.github.hybridshop.gcp.api;

import io.github.hybridshop.api.Problem.FieldError;
import io.github.hybridshop.api.Problem.Shortage;
import java.util.List;

/**
 * A failed call to the shop API, one subtype per problem the site reacts to differently. Built
 * from the API's {@code application/problem+json} body, read by shop-api's {@code JsonCodec}
 * and told apart by its {@code ProblemType}; {@link #detail()} is the API's human-readable
 * explanation and is safe to log (it never contains secrets).
 */
public abstract sealed class ApiException extends RuntimeException
    permits ApiException.Invalid,
        ApiException.NotFound,
        ApiException.Unauthorized,
        ApiException.Conflict,
        ApiException.OutOfStock,
        ApiException.KeyReused,
        ApiException.Unavailable,
        ApiException.Unexpected {

  private static final long serialVersionUID = 1L;
  private final int status;

  ApiException(int status, String detail, Throwable cause) {
    super(detail, cause);
    this.status = status;
  }

  /**
   * Returns the HTTP status the API answered with.
   *
   * @return the status, or 503 when the API could not be reached
   */
  public int status() {
    return status;
  }

  /**
   * Returns the API's explanation.
   *
   * @return the problem's {@code detail} (or {@code title})
   */
  public String detail() {
    return getMessage();
  }

  /** 400: the request had invalid fields. */
  public static final class Invalid extends ApiException {
    private static final long serialVersionUID = 1L;
    private final transient List<FieldError> errors;

    /**
     * @param detail the API's explanation
     * @param errors the invalid fields
     */
    public Invalid(String detail, List<FieldError> errors) {
      super(400, detail, null);
      this.errors = List.copyOf(errors);
    }

    /** @return every invalid field the API named */
    public List<FieldError> errors() {
      return errors;
    }
  }

  /** 404: the product or order does not exist. */
  public static final class NotFound extends ApiException {
    private static final long serialVersionUID = 1L;

    /** @param detail the API's explanation */
    public NotFound(String detail) {
      super(404, detail, null);
    }
  }

  /** 401 or 403: the admin credentials were refused. */
  public static final class Unauthorized extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * @param status 401 or 403
     * @param detail the API's explanation
     */
    public Unauthorized(int status, String detail) {
      super(status, detail, null);
    }
  }

  /** 409 other than stock: for example a product with that name already exists. */
  public static final class Conflict extends ApiException {
    private static final long serialVersionUID = 1L;

    /** @param detail the API's explanation */
    public Conflict(String detail) {
      super(409, detail, null);
    }
  }

  /** 409 {@code insufficient-stock}: the order was not placed; nothing was bought. */
  public static final class OutOfStock extends ApiException {
    private static final long serialVersionUID = 1L;
    private final transient List<Shortage> shortages;

    /**
     * @param detail the API's explanation
     * @param shortages every line that is short
     */
    public OutOfStock(String detail, List<Shortage> shortages) {
      super(409, detail, null);
      this.shortages = List.copyOf(shortages);
    }

    /** @return every short line with requested and available units */
    public List<Shortage> shortages() {
      return shortages;
    }
  }

  /** 422: the idempotency key was already used for a different order. */
  public static final class KeyReused extends ApiException {
    private static final long serialVersionUID = 1L;

    /** @param detail the API's explanation */
    public KeyReused(String detail) {
      super(422, detail, null);
    }
  }

  /** The API could not be reached, timed out, or answered 5xx. */
  public static final class Unavailable extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * @param status the 5xx status, or 503 when there was no answer
     * @param detail what went wrong
     * @param cause the I/O failure, or {@code null}
     */
    public Unavailable(int status, String detail, Throwable cause) {
      super(status, detail, cause);
    }
  }

  /** Any other answer the client does not understand. */
  public static final class Unexpected extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * @param status the status
     * @param detail what was unexpected
     */
    public Unexpected(int status, String detail) {
      super(status, detail, null);
    }
  }
}
