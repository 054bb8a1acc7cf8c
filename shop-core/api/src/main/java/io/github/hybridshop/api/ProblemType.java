package io.github.hybridshop.api;

import java.util.Objects;

/**
 * Every problem {@code type} the API sends, with the status and title that go with it, plus two
 * stand-ins a reader needs: {@link #ABOUT_BLANK} for a body that names no type (RFC 9457's
 * default, such as API Gateway's own {@code 401 {"message":"Unauthorized"}}), where only the HTTP
 * status carries meaning, and {@link #OTHER} for a type this version of the contract does not
 * know. A {@code switch} over this enum without {@code default} therefore handles every answer,
 * and the compiler names the cases a new type adds.
 */
public enum ProblemType {
  /** 400: one or more fields are missing, of the wrong JSON type or out of range; see {@code errors}. */
  VALIDATION("validation", 400, "Invalid request"),
  /** 400: the body is not JSON, is empty, or is marked base64 without being base64. */
  MALFORMED_JSON("malformed-json", 400, "Malformed JSON"),
  /** 400: there was no request to route. */
  MALFORMED_REQUEST("malformed-request", 400, "Malformed request"),
  /** 401: the route needs an admin bearer token. */
  UNAUTHORIZED("unauthorized", 401, "Unauthorized"),
  /** 404: no such product, order or route. */
  NOT_FOUND("not-found", 404, "Not found"),
  /** 405: the path exists for other methods, listed in {@code Allow}. */
  METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
  /** 409: a product with that name exists. */
  DUPLICATE_PRODUCT("duplicate-product", 409, "Duplicate product"),
  /** 409: some lines are short; see {@code shortages}. Nothing was bought. */
  INSUFFICIENT_STOCK("insufficient-stock", 409, "Insufficient stock"),
  /** 413: the body is over the size limit. */
  PAYLOAD_TOO_LARGE("payload-too-large", 413, "Payload too large"),
  /** 415: the body is not {@code application/json}. */
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
  /** 422: the {@code Idempotency-Key} was used for a different cart. */
  IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "Idempotency key reused"),
  /** 500: a bug; quote {@code correlationId}. */
  INTERNAL_ERROR("internal-error", 500, "Internal error"),
  /** 503: the database is unreachable; retry after {@code Retry-After} seconds. */
  DATABASE_UNAVAILABLE("database-unavailable", 503, "Service unavailable"),
  /** 503: a part besides the database (the local stack's replication, say) is not up yet; each part is a member. */
  NOT_READY("not-ready", 503, "Not ready"),
  /** 503: the web app's analytics JSON could not read its warehouse (none configured, or BigQuery failing). */
  WAREHOUSE_UNAVAILABLE("warehouse-unavailable", 503, "Warehouse unavailable"),
  /** No {@code type} member ({@code about:blank}): only the HTTP status says what happened. */
  ABOUT_BLANK(null, 0, null),
  /** A {@code type} this version of the contract does not name. */
  OTHER(null, 0, null);

  /** The prefix of every type URI the API sends; the slug follows it. */
  public static final String TYPE_BASE = "https://hybridshop.github.io/problems/";

  /** RFC 9457's type for a problem that names none. */
  public static final String BLANK_URI = "about:blank";

  private final String slug;
  private final int status;
  private final String title;

  ProblemType(String slug, int status, String title) {
    this.slug = slug;
    this.status = status;
    this.title = title;
  }

  /**
   * Finds the type a problem document names.
   *
   * @param uri the {@code type} member, or {@code null} when absent
   * @return the contract's type, {@link #ABOUT_BLANK} when absent or {@code about:blank}, else
   *     {@link #OTHER}
   */
  public static ProblemType of(String uri) {
    if (uri == null || uri.isEmpty() || uri.equals(BLANK_URI)) {
      return ABOUT_BLANK;
    }
    if (uri.startsWith(TYPE_BASE)) {
      String slug = uri.substring(TYPE_BASE.length());
      for (ProblemType type : values()) {
        if (slug.equals(type.slug)) {
          return type;
        }
      }
    }
    return OTHER;
  }

  /**
   * Tells whether the contract defines this type (it is neither {@link #ABOUT_BLANK} nor {@link #OTHER}).
   *
   * @return {@code true} for a type the API sends
   */
  public boolean defined() {
    return slug != null;
  }

  /**
   * Returns the type URI.
   *
   * @return {@value #TYPE_BASE} and the slug, or {@code about:blank} for {@link #ABOUT_BLANK}
   * @throws IllegalStateException for {@link #OTHER}, which stands for many URIs
   */
  public String uri() {
    if (this == ABOUT_BLANK) {
      return BLANK_URI;
    }
    return TYPE_BASE + slug();
  }

  /**
   * Returns the last segment of the type URI.
   *
   * @return the slug, such as {@code insufficient-stock}
   * @throws IllegalStateException for {@link #ABOUT_BLANK} and {@link #OTHER}
   */
  public String slug() {
    return requireDefined(slug);
  }

  /**
   * Returns the HTTP status this type is sent with.
   *
   * @return the status
   * @throws IllegalStateException for {@link #ABOUT_BLANK} and {@link #OTHER}
   */
  public int status() {
    requireDefined(slug);
    return status;
  }

  /**
   * Returns the title, the same for every occurrence of the type.
   *
   * @return the title
   * @throws IllegalStateException for {@link #ABOUT_BLANK} and {@link #OTHER}
   */
  public String title() {
    return requireDefined(title);
  }

  private <T> T requireDefined(T value) {
    if (value == null) {
      throw new IllegalStateException(name() + " is not a type the API sends; it has no slug, status or title");
    }
    return Objects.requireNonNull(value);
  }
}
