package io.github.hybridshop.examples.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each monitoring check, run over a fixture that breaks it, must say so, and only there. */
class AlarmChecksFixtureTest {

  private final Path root = RepoLayout.fixture("alarms-bad");
  private final TerraformModule functions = TerraformModule.load(root.resolve("modules/fns"));
  private final TerraformModule monitoring = TerraformModule.load(root.resolve("modules/mon"));

  @Test
  void alarmsWithoutANotificationTargetAreReported() {
    assertThat(messages(AlarmChecks.notificationActions(monitoring)))
        .hasSize(2)
        .anyMatch(m -> m.startsWith("aws_cloudwatch_metric_alarm.literal ") && m.contains("alarm_actions"))
        .anyMatch(m -> m.startsWith("google_monitoring_alert_policy.silent ") && m.contains("notification_channels"));
  }

  @Test
  void literalThresholdsAreReportedAlsoInLocalMaps() {
    assertThat(messages(AlarmChecks.thresholdsAreVariables(monitoring)))
        .hasSize(3)
        .anyMatch(m -> m.startsWith("threshold = 5 "))
        .anyMatch(m -> m.startsWith("threshold = 90 "))
        .anyMatch(m -> m.startsWith("threshold_value = 0.5 "));
  }

  @Test
  void aModuleWithoutAlarmsHasNoThresholdsToCheck() {
    assertThat(AlarmChecks.thresholdsAreVariables(functions)).isEmpty();
  }

  @Test
  void aFunctionLeftOutOfTheAlarmedOutputIsReported() {
    List<Finding> findings = AlarmChecks.lambdaErrorAlarms(TerraformModule.load(root), TerraformModule::load);

    assertThat(findings).extracting(Finding::check).containsOnly("lambda-no-error-alarm");
    assertThat(messages(findings)).singleElement()
        .satisfies(m -> assertThat(m).contains("aws_lambda_function.forgotten").contains("[functions]"));
  }

  @Test
  void functionsWithoutAnyErrorAlarmModuleAreReported() {
    List<Finding> findings =
        AlarmChecks.lambdaErrorAlarms(TerraformModule.load(root.resolve("no-alarm")), TerraformModule::load);

    assertThat(messages(findings)).singleElement()
        .satisfies(m -> assertThat(m).contains("module \"fns\"").contains("no module the root calls"));
  }

  @Test
  void schedulesMustRunTheHeartbeatEveryMinute() {
    AlarmChecks.Heartbeat heartbeat = AlarmChecks.heartbeatSchedule(functions);

    assertThat(heartbeat.functions()).containsExactlyInAnyOrder("heartbeat", "twin");
    assertThat(heartbeat.findings()).extracting(f -> f.check() + " " + f.message())
        .filteredOn(m -> !m.startsWith("scheduler-privilege"))
        .hasSize(3)
        .anyMatch(m -> m.startsWith("schedule-rate aws_scheduler_schedule.beat "))
        .anyMatch(m -> m.startsWith("schedule-target aws_scheduler_schedule.wrong ") && m.contains("aws_lambda_function.api"))
        .anyMatch(m -> m.startsWith("heartbeat-unscheduled aws_lambda_function.twin "));
  }

  @Test
  void aScheduleRoleThatMayDoMoreThanInvokeTheHeartbeatIsReported() {
    List<Finding> findings = AlarmChecks.heartbeatSchedule(functions).findings().stream()
        .filter(f -> f.check().equals("scheduler-privilege")).toList();

    assertThat(messages(findings))
        .hasSize(4)
        .allMatch(m -> m.startsWith("aws_scheduler_schedule.greedy: "))
        .anyMatch(m -> m.contains("managed policy aws_iam_role_policy_attachment.greedy"))
        .anyMatch(m -> m.contains("lambda:UpdateFunctionCode"))
        .anyMatch(m -> m.contains("grants on aws_lambda_function.api"))
        .anyMatch(m -> m.contains("grants on \"*\""));
  }

  private static List<String> messages(List<Finding> findings) {
    return findings.stream().map(Finding::message).toList();
  }
}
