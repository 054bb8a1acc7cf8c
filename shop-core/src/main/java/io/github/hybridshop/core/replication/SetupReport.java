package io.github.hybridshop.core.replication;

import java.util.List;

/**
 * What {@link ReplicationSetup#prepare} changed; empty when everything was already in place.
 *
 * @param actions one sentence per change, in the order made
 * @param notes facts found that need no change, such as the WAL level
 */
public record SetupReport(List<String> actions, List<String> notes) {
  /**
   * Copies the lists.
   *
   * @param actions see the record description
   * @param notes see the record description
   */
  public SetupReport {
    actions = List.copyOf(actions);
    notes = List.copyOf(notes);
  }

  /**
   * Tells whether the call changed anything.
   *
   * @return {@code true} when at least one action was taken
   */
  public boolean changedSomething() {
    return !actions.isEmpty();
  }
}
