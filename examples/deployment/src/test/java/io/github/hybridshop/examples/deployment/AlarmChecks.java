package io.github.hybridshop.examples.deployment;

import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.Variable;
import io.github.hybridshop.examples.deployment.TerraformModule.ModuleCall;
import io.github.hybridshop.examples.deployment.TerraformModule.Resource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Monitoring policies for the Terraform: an alarm nobody hears or that can never be tuned is not
 * monitoring. Every alarm and alert policy notifies someone, every threshold is a variable, every
 * Lambda function has an {@code Errors} alarm, and the heartbeat function runs every minute on an
 * EventBridge Scheduler schedule (the Datastream alerts assume one change a minute) whose role may
 * do nothing but invoke it.
 */
final class AlarmChecks {

  /** Resource type => the argument that names whom it notifies. */
  static final Map<String, String> NOTIFYING = Map.of(
      "aws_cloudwatch_metric_alarm", "alarm_actions",
      "google_monitoring_alert_policy", "notification_channels");

  /** {@code threshold = ...} or {@code threshold_value = ...}, in a resource or in a local map entry. */
  private static final Pattern THRESHOLD =
      Pattern.compile("(?<![\\w.])(threshold|threshold_value)\\s*=(?!=)\\s*([^,}\\n]+?)\\s*(?=[,}\\n])");

  private static final Pattern LAMBDA_ERRORS = Pattern.compile(
      "(?s)(?=.*\\bnamespace\\s*=\\s*\"AWS/Lambda\")(?=.*\\bmetric_name\\s*=\\s*\"Errors\").*\\bfor_each\\s*=\\s*var\\.([A-Za-z_][\\w-]*)");

  private static final Pattern ROLE_ARN = Pattern.compile("\\brole_arn\\s*=\\s*aws_iam_role\\.([A-Za-z_][\\w-]*)\\.arn");

  private static final Pattern POLICY_DOCUMENT =
      Pattern.compile("(?m)^\\s*policy\\s*=\\s*data\\.aws_iam_policy_document\\.([A-Za-z_][\\w-]*)\\.json");

  /** {@code actions = [...]} or {@code resources = [...]} (single-level list). */
  private static final Pattern LIST_ATTRIBUTE = Pattern.compile("(?m)^\\s*(actions|resources)\\s*=\\s*\\[([^\\]]*)\\]");

  private static final Pattern LAMBDA_REF = Pattern.compile("aws_lambda_function\\.([A-Za-z_][\\w-]*)");

  private static final Pattern ALIAS_REF = Pattern.compile("aws_lambda_alias\\.([A-Za-z_][\\w-]*)");

  /** The handler class the heartbeat function must run (simple name, any package). */
  static final String HEARTBEAT_CLASS = "HeartbeatHandler";

  /** What the Datastream "not running" alert and the freshness report assume. */
  static final String HEARTBEAT_RATE = "rate(1 minute)";

  private static final Pattern SCHEDULE_EVERY_MINUTE =
      Pattern.compile("(?m)^\\s*schedule_expression\\s*=\\s*\"" + Pattern.quote(HEARTBEAT_RATE) + "\"\\s*$");

  private AlarmChecks() {}

  /** Every alarm and alert policy names at least one notification target (not an empty list). */
  static List<Finding> notificationActions(TerraformModule module) {
    List<Finding> findings = new ArrayList<>();
    module.code().forEach((file, code) -> NOTIFYING.forEach((type, argument) -> {
      Pattern notifies = Pattern.compile("(?m)^\\s*" + argument + "\\s*=\\s*(?!\\[\\s*\\])\\S");
      HclText.blocks(code, "resource").forEach((address, body) -> {
        if (address.startsWith(type + ".") && !notifies.matcher(body).find()) {
          findings.add(new Finding("alarm-no-action", file,
              address + " notifies nobody: set " + argument + " (the module's SNS topic / notification channel)"));
        }
      });
    }));
    return findings;
  }

  /**
   * In a module that defines alarms or alert policies, every {@code threshold}/{@code threshold_value}
   * (also in the local maps alarms iterate over) refers to a variable, or is {@code each.value.x}
   * taken from such a map; a number written into the alarm cannot be tuned per deployment.
   */
  static List<Finding> thresholdsAreVariables(TerraformModule module) {
    boolean definesAlarms = module.resources().stream().anyMatch(r -> NOTIFYING.containsKey(r.type()));
    if (!definesAlarms) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    module.code().forEach((file, code) -> {
      Matcher m = THRESHOLD.matcher(code);
      while (m.find()) {
        String value = m.group(2);
        if (!HclText.variableRefs(value).isEmpty() || value.startsWith("each.value.")) {
          continue;
        }
        findings.add(new Finding("threshold-literal", file,
            m.group(1) + " = " + value + " is not a variable: declare a variable with a documented default"));
      }
    });
    return findings;
  }

  /**
   * Every {@code aws_lambda_function} of every module the root calls has an {@code Errors} alarm.
   * The alarms live in a monitoring module that iterates a map input ({@code for_each = var.x}) of
   * {@code AWS/Lambda} {@code Errors} alarms; the root passes that input an output of the functions'
   * module, and that output must refer to each function resource.
   */
  static List<Finding> lambdaErrorAlarms(TerraformModule root, Function<Path, TerraformModule> loader) {
    Map<ModuleCall, TerraformModule> called = new LinkedHashMap<>();
    for (ModuleCall call : root.moduleCalls().values()) {
      WiringChecks.localSource(root, call).filter(Files::isDirectory).filter(TerraformModule::isModule)
          .ifPresent(dir -> called.put(call, loader.apply(dir)));
    }
    Map<String, String> moduleBlocks = HclText.blocks(root.allCode(), "module");

    // module name => outputs of it that reach an Errors alarm
    Map<String, Set<String>> alarmedOutputs = new LinkedHashMap<>();
    boolean anyErrorAlarm = false;
    for (Map.Entry<ModuleCall, TerraformModule> e : called.entrySet()) {
      for (String input : errorAlarmInputs(e.getValue())) {
        anyErrorAlarm = true;
        Matcher passed = Pattern.compile("(?m)^\\s*" + Pattern.quote(input)
            + "\\s*=\\s*module\\.([A-Za-z_][\\w-]*)\\.([A-Za-z_][\\w-]*)\\s*$")
            .matcher(moduleBlocks.getOrDefault(e.getKey().name(), ""));
        while (passed.find()) {
          alarmedOutputs.computeIfAbsent(passed.group(1), k -> new LinkedHashSet<>()).add(passed.group(2));
        }
      }
    }

    List<Finding> findings = new ArrayList<>();
    for (Map.Entry<ModuleCall, TerraformModule> e : called.entrySet()) {
      TerraformModule functions = e.getValue();
      List<Resource> lambdas = functions.resourcesOfType("aws_lambda_function");
      if (lambdas.isEmpty()) {
        continue;
      }
      if (!anyErrorAlarm) {
        findings.add(new Finding("lambda-no-error-alarm", e.getKey().file(), "module \"" + e.getKey().name()
            + "\" defines Lambda functions but no module the root calls has AWS/Lambda Errors alarms over a map input"));
        continue;
      }
      Set<String> covered = new LinkedHashSet<>();
      Map<String, String> outputs = HclText.blocks(functions.allCode(), "output");
      for (String output : alarmedOutputs.getOrDefault(e.getKey().name(), Set.of())) {
        Matcher ref = LAMBDA_REF.matcher(outputs.getOrDefault(output, ""));
        while (ref.find()) {
          covered.add(ref.group(1));
        }
      }
      for (Resource lambda : lambdas) {
        if (!covered.contains(lambda.name())) {
          findings.add(new Finding("lambda-no-error-alarm", lambda.file(), "aws_lambda_function." + lambda.name()
              + " of module \"" + e.getKey().name() + "\" has no Errors alarm: include it in the output the root passes "
              + "to the monitoring module's functions (outputs passed: " + alarmedOutputs.getOrDefault(e.getKey().name(), Set.of()) + ")"));
        }
      }
    }
    return findings;
  }

  /** The map inputs ({@code var.x}) that {@code AWS/Lambda Errors} alarms of a module iterate over. */
  private static Set<String> errorAlarmInputs(TerraformModule module) {
    Set<String> inputs = new LinkedHashSet<>();
    // From the text: hcl4j resolves var.x to the variable's default when both share a file.
    HclText.blocks(module.allCode(), "resource").forEach((address, body) -> {
      Matcher m = LAMBDA_ERRORS.matcher(body);
      if (address.startsWith("aws_cloudwatch_metric_alarm.") && m.find()) {
        inputs.add(m.group(1));
      }
    });
    return inputs;
  }

  /**
   * The heartbeat functions (handler class {@value #HEARTBEAT_CLASS}) of a module and whether the
   * module's schedules run exactly them, {@value #HEARTBEAT_RATE}.
   *
   * @param functions resource names of the heartbeat functions found
   * @param findings what is wrong
   */
  record Heartbeat(Set<String> functions, List<Finding> findings) {}

  static Heartbeat heartbeatSchedule(TerraformModule module) {
    Set<String> heartbeats = new LinkedHashSet<>();
    for (Resource lambda : module.resourcesOfType("aws_lambda_function")) {
      Object handler = lambda.body().get("handler");
      if (handler instanceof Variable v && v.toString().startsWith("local.")) {
        handler = module.locals().get(v.toString().substring("local.".length()));
      }
      if (handler instanceof String s && simpleClassName(s).equals(HEARTBEAT_CLASS)) {
        heartbeats.add(lambda.name());
      }
    }

    Map<String, String> resources = new LinkedHashMap<>();
    Map<String, String> documents = new LinkedHashMap<>();
    module.code().values().forEach(code -> {
      resources.putAll(HclText.blocks(code, "resource"));
      documents.putAll(HclText.blocks(code, "data"));
    });
    List<Finding> findings = new ArrayList<>();
    Set<String> scheduled = new LinkedHashSet<>();
    resources.forEach((address, body) -> {
      if (!address.startsWith("aws_scheduler_schedule.")) {
        return;
      }
      Path file = module.resourcesOfType("aws_scheduler_schedule").stream()
          .filter(r -> address.equals("aws_scheduler_schedule." + r.name())).map(Resource::file)
          .findFirst().orElse(module.dir());
      Set<String> targets = new LinkedHashSet<>();
      collect(LAMBDA_REF, body, targets);
      Set<String> aliases = new LinkedHashSet<>();
      collect(ALIAS_REF, body, aliases);
      aliases.forEach(alias -> collect(LAMBDA_REF, resources.getOrDefault("aws_lambda_alias." + alias, ""), targets));
      if (targets.isEmpty()) {
        findings.add(new Finding("schedule-target", file, address + " invokes no Lambda function of this module"));
      }
      for (String target : targets) {
        if (heartbeats.contains(target)) {
          scheduled.add(target);
        } else {
          findings.add(new Finding("schedule-target", file, address + " invokes aws_lambda_function." + target
              + ", which does not run " + HEARTBEAT_CLASS));
        }
      }
      findings.addAll(schedulerPrivilege(address, body, resources, documents, heartbeats, file));
      if (!SCHEDULE_EVERY_MINUTE.matcher(body).find()) {
        findings.add(new Finding("schedule-rate", file, address + " must run " + HEARTBEAT_RATE
            + ": the freshness report and the Datastream alerts expect one heartbeat a minute"));
      }
    });
    for (String heartbeat : heartbeats) {
      if (!scheduled.contains(heartbeat)) {
        findings.add(new Finding("heartbeat-unscheduled", module.dir(),
            "aws_lambda_function." + heartbeat + " runs " + HEARTBEAT_CLASS + " but no aws_scheduler_schedule invokes it"));
      }
    }
    return new Heartbeat(heartbeats, findings);
  }

  /**
   * The policies of a schedule's role ({@code target.role_arn}) allow only
   * {@code lambda:InvokeFunction}, and only on the heartbeat function or its alias; no managed
   * policy is attached to it.
   */
  private static List<Finding> schedulerPrivilege(
      String schedule, String body, Map<String, String> resources, Map<String, String> documents,
      Set<String> heartbeats, Path file) {
    Matcher role = ROLE_ARN.matcher(body);
    if (!role.find()) {
      return List.of();
    }
    String roleRef = "aws_iam_role\\." + Pattern.quote(role.group(1)) + "\\.(?:id|name)\\b";
    Pattern ofRole = Pattern.compile("(?m)^\\s*role\\s*=\\s*" + roleRef);
    List<Finding> findings = new ArrayList<>();
    resources.forEach((address, policy) -> {
      if (!ofRole.matcher(policy).find()) {
        return;
      }
      if (address.startsWith("aws_iam_role_policy_attachment.")) {
        findings.add(new Finding("scheduler-privilege", file, schedule + ": its role has the managed policy "
            + address + "; it may only invoke the heartbeat"));
        return;
      }
      if (!address.startsWith("aws_iam_role_policy.")) {
        return;
      }
      Matcher document = POLICY_DOCUMENT.matcher(policy);
      if (!document.find()) {
        findings.add(new Finding("scheduler-privilege", file, schedule + ": " + address
            + " is not an aws_iam_policy_document the checks can read"));
        return;
      }
      String statements = documents.getOrDefault("aws_iam_policy_document." + document.group(1), "");
      Matcher actions = LIST_ATTRIBUTE.matcher(statements);
      while (actions.find()) {
        String list = actions.group(2).strip();
        if (actions.group(1).equals("actions") && !list.equals("\"lambda:InvokeFunction\"")) {
          findings.add(new Finding("scheduler-privilege", file, schedule + ": " + address
              + " allows [" + list + "]; the schedule needs lambda:InvokeFunction only"));
        }
        if (actions.group(1).equals("resources")) {
          for (String resource : list.split(",")) {
            Set<String> functions = new LinkedHashSet<>();
            collect(LAMBDA_REF, resource, functions);
            Set<String> aliases = new LinkedHashSet<>();
            collect(ALIAS_REF, resource, aliases);
            aliases.forEach(a -> collect(LAMBDA_REF, resources.getOrDefault("aws_lambda_alias." + a, ""), functions));
            if (functions.isEmpty() || !heartbeats.containsAll(functions)) {
              findings.add(new Finding("scheduler-privilege", file, schedule + ": " + address + " grants on "
                  + resource.strip() + "; only the heartbeat function or its alias"));
            }
          }
        }
      }
    });
    return findings;
  }

  private static void collect(Pattern reference, String text, Set<String> into) {
    Matcher m = reference.matcher(text);
    while (m.find()) {
      into.add(m.group(1));
    }
  }

  private static String simpleClassName(String handler) {
    int sep = handler.indexOf("::");
    String type = sep < 0 ? handler : handler.substring(0, sep);
    return type.substring(type.lastIndexOf('.') + 1);
  }
}
