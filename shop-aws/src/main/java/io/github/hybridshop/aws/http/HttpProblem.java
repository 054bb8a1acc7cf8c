package io.github.hybridshop.aws.http;

import java.util.Objects;

/**
 * Thrown while reading a request that cannot be served (malformed JSON, a body over the limit,
 * a missing credential); the dispatcher answers with its {@link Problem}.
 */
public final class HttpProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The answer to send. */
  private final transient Problem problem;

  /**
   * Creates the exception.
   *
   * @param problem the answer to send
   */
  public HttpProblem(Problem problem) {
    super(problem.detail(), null, false, false);
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  /**
   * Returns the answer to send.
   *
   * @return the problem
   */
  public Problem problem() {
    return problem;
  }
}
