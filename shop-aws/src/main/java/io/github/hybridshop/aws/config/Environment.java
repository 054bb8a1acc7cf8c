package io.github.hybridshop.aws.config;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Typed reads of environment variables; blank counts as unset. */
public record Environment(Map<String, String> variables) {

  /**
   * Copies the variables.
   *
   * @param variables name to value
   */
  public Environment {
    variables = Map.copyOf(Objects.requireNonNull(variables, "variables"));
  }

  /**
   * Returns the process environment.
   *
   * @return {@link System#getenv()}
   */
  public static Environment system() {
    return new Environment(System.getenv());
  }

  /**
   * Returns a variable.
   *
   * @param name the variable
   * @return its trimmed value, empty when unset or blank
   */
  public Optional<String> get(String name) {
    String value = variables.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  /**
   * Returns a required variable.
   *
   * @param name the variable
   * @param hint how to fix a missing value
   * @return its value
   * @throws ConfigurationException naming the variable when it is unset
   */
  public String require(String name, String hint) {
    return get(name).orElseThrow(() -> new ConfigurationException(name + " is not set: " + hint));
  }
}
