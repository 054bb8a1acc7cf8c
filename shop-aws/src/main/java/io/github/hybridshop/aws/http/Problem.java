package io.github.hybridshop.aws.http;

import java.util.Map;
import java.util.Objects;

/**
 * One RFC 9457 problem before it is written: the HTTP status, a short type slug such as
 * {@code insufficient-stock}, a title, a detail sentence, extension members (such as
 * {@code errors} or {@code shortages}) and extra response headers (such as {@code Retry-After}).
 *
 * @param status the HTTP status
 * @param slug the last segment of the problem type URI
 * @param title a short summary that is the same for every occurrence of the type
 * @param detail what happened this time, for people; never SQL or stack details
 * @param extensions extra members of the problem object
 * @param headers extra response headers
 */
public record Problem(
    int status,
    String slug,
    String title,
    String detail,
    Map<String, Object> extensions,
    Map<String, String> headers) {

  /**
   * Copies the maps so the problem stays immutable.
   *
   * @param status see the record description
   * @param slug see the record description
   * @param title see the record description
   * @param detail see the record description
   * @param extensions see the record description
   * @param headers see the record description
   */
  public Problem {
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(detail, "detail");
    extensions = Map.copyOf(extensions);
    headers = Map.copyOf(headers);
  }

  /**
   * Creates a problem without extensions or headers.
   *
   * @param status the HTTP status
   * @param slug the type slug
   * @param title the title
   * @param detail the detail
   * @return the problem
   */
  public static Problem of(int status, String slug, String title, String detail) {
    return new Problem(status, slug, title, detail, Map.of(), Map.of());
  }

  /**
   * Returns a copy with one more response header.
   *
   * @param name the header name
   * @param value its value
   * @return the problem with the header
   */
  public Problem withHeader(String name, String value) {
    Map<String, String> more = new java.util.HashMap<>(headers);
    more.put(name, value);
    return new Problem(status, slug, title, detail, extensions, more);
  }

  /**
   * Returns a copy with one more extension member.
   *
   * @param name the member name
   * @param value its value, serialisable by Jackson
   * @return the problem with the member
   */
  public Problem with(String name, Object value) {
    Map<String, Object> more = new java.util.HashMap<>(extensions);
    more.put(name, value);
    return new Problem(status, slug, title, detail, more, headers);
  }
}
