package io.github.hybridshop.api;

import java.util.Objects;

/**
 * A request or response that cannot be read as the contract says, carrying the problem that
 * explains why: {@link ProblemType#MALFORMED_JSON} for text that is not JSON,
 * {@link ProblemType#VALIDATION} with every missing or wrongly typed member. The handlers send it
 * as it is; the client reports it as an unexpected answer.
 */
public final class ProblemException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Not serialised: the exception never leaves the JVM that threw it. */
  private final transient Problem problem;

  /**
   * Creates the exception; no stack trace is filled in, the problem says it all.
   *
   * @param problem the explanation
   */
  public ProblemException(Problem problem) {
    super(problem.detail(), null, false, false);
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  /**
   * Returns the explanation.
   *
   * @return the problem
   */
  public Problem problem() {
    return problem;
  }
}
