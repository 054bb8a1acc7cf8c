package io.github.hybridshop.examples.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The monitoring checks over the real terraform/ tree: every one must come back empty. */
class MonitoringTest {

  static Stream<Path> moduleDirs() {
    return TerraformWiringTest.moduleDirs();
  }

  private static TerraformModule module(String relative) {
    return TerraformWiringTest.module(RepoLayout.terraform().resolve(relative));
  }

  @Test
  void bothCloudsHaveAlarmsAndADashboard() {
    // Guards the checks below against passing because nothing was found.
    TerraformModule aws = module("modules/aws-monitoring");
    TerraformModule google = module("modules/gcp-monitoring");
    assertThat(aws.resourcesOfType("aws_cloudwatch_metric_alarm")).hasSizeGreaterThanOrEqualTo(6);
    assertThat(aws.resourcesOfType("aws_cloudwatch_dashboard")).hasSize(1);
    assertThat(google.resourcesOfType("google_monitoring_alert_policy")).hasSizeGreaterThanOrEqualTo(6);
    assertThat(google.resourcesOfType("google_monitoring_dashboard")).hasSize(1);
  }

  @ParameterizedTest
  @MethodSource("moduleDirs")
  void everyAlarmNotifiesSomeone(Path dir) {
    assertThat(AlarmChecks.notificationActions(TerraformWiringTest.module(dir))).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("moduleDirs")
  void everyThresholdIsAVariable(Path dir) {
    assertThat(AlarmChecks.thresholdsAreVariables(TerraformWiringTest.module(dir))).isEmpty();
  }

  @Test
  void everyLambdaFunctionHasAnErrorAlarm() {
    assertThat(module("modules/aws-api").resourcesOfType("aws_lambda_function")).isNotEmpty();
    assertThat(AlarmChecks.lambdaErrorAlarms(module(""), TerraformWiringTest::module)).isEmpty();
  }

  @Test
  void theApiModuleHasOneScheduledHeartbeat() {
    AlarmChecks.Heartbeat heartbeat = AlarmChecks.heartbeatSchedule(module("modules/aws-api"));

    assertThat(heartbeat.functions()).containsExactly("heartbeat");
    assertThat(heartbeat.findings()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("moduleDirs")
  void schedulesRunTheHeartbeatEveryMinute(Path dir) {
    assertThat(AlarmChecks.heartbeatSchedule(TerraformWiringTest.module(dir)).findings()).isEmpty();
  }
}
