package io.github.hybridshop.examples.deployment;

import java.nio.file.Path;

/**
 * One problem a check found.
 *
 * @param check short name of the check, so a fixture test can ask for one kind of problem
 * @param where file or module directory the problem is in
 * @param message what is wrong, in terms a reader of the Terraform can act on
 */
record Finding(String check, Path where, String message) {

  @Override
  public String toString() {
    return "[" + check + "] " + where + ": " + message;
  }
}
