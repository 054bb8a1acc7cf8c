package io.github.hybridshop.examples.deployment;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import com.bertramlabs.plugins.hcl4j.HCLParserException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One Terraform module directory: what hcl4j sees in its {@code .tf} files (variables, outputs,
 * module calls, locals, resources) plus their comment-free text for reference scanning.
 *
 * @param dir the module directory
 * @param variables declared input variables by name
 * @param outputs declared output names
 * @param moduleCalls module blocks by name
 * @param locals all {@code locals} entries of the module, as hcl4j evaluated them
 * @param resources all {@code resource} blocks
 * @param code comment-free text of every file, by file
 */
record TerraformModule(
    Path dir,
    Map<String, Variable> variables,
    Set<String> outputs,
    Map<String, ModuleCall> moduleCalls,
    Map<String, Object> locals,
    List<Resource> resources,
    Map<Path, String> code) {

  /** Arguments of a module block that are Terraform's, not the module's inputs. */
  static final Set<String> MODULE_META_ARGUMENTS =
      Set.of("source", "version", "providers", "count", "for_each", "depends_on");

  /**
   * An input variable.
   *
   * @param name its name
   * @param hasDefault whether it declares {@code default} (even {@code null}), i.e. is optional
   * @param defaultValue the default as hcl4j evaluated it (literals survive; expressions may not)
   * @param file where it is declared
   */
  record Variable(String name, boolean hasDefault, Object defaultValue, Path file) {}

  /**
   * A module block.
   *
   * @param name its label
   * @param source the {@code source} string
   * @param arguments the inputs it passes
   * @param file where it is written
   */
  record ModuleCall(String name, String source, Set<String> arguments, Path file) {}

  /**
   * A resource block.
   *
   * @param type resource type, e.g. {@code aws_lambda_function}
   * @param name its label
   * @param body attributes and nested blocks as hcl4j evaluated them
   * @param file where it is written
   */
  record Resource(String type, String name, Map<String, Object> body, Path file) {}

  /** Parses every {@code .tf} file directly in {@code dir}. */
  static TerraformModule load(Path dir) {
    Map<String, Variable> variables = new LinkedHashMap<>();
    Set<String> outputs = new LinkedHashSet<>();
    Map<String, ModuleCall> calls = new LinkedHashMap<>();
    Map<String, Object> locals = new LinkedHashMap<>();
    List<Resource> resources = new ArrayList<>();
    Map<Path, String> code = new LinkedHashMap<>();

    for (Path file : tfFiles(dir)) {
      String text = read(file);
      code.put(file, HclText.stripComments(text));
      Map<String, Object> doc = parse(file, text);

      blocks(doc, "variable").forEach((name, body) -> {
        Map<String, Object> attributes = map(body);
        variables.put(name, new Variable(name, attributes.containsKey("default"), attributes.get("default"), file));
      });
      outputs.addAll(blocks(doc, "output").keySet());
      blocks(doc, "module").forEach((name, body) -> {
        Map<String, Object> args = map(body);
        Set<String> inputs = new LinkedHashSet<>(args.keySet());
        inputs.removeAll(MODULE_META_ARGUMENTS);
        calls.put(name, new ModuleCall(name, String.valueOf(args.get("source")), inputs, file));
      });
      locals.putAll(blocks(doc, "locals"));
      blocks(doc, "resource").forEach((type, byName) ->
          map(byName).forEach((name, body) -> resources.add(new Resource(type, name, map(body), file))));
    }
    return new TerraformModule(dir, variables, outputs, calls, locals, resources, code);
  }

  /** Comment-free text of all files of the module. */
  String allCode() {
    return String.join("\n", code.values());
  }

  /** Resources of one type. */
  List<Resource> resourcesOfType(String type) {
    return resources.stream().filter(r -> r.type().equals(type)).toList();
  }

  /** Whether {@code dir} holds any {@code .tf} file. */
  static boolean isModule(Path dir) {
    return !tfFiles(dir).isEmpty();
  }

  private static List<Path> tfFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".tf") && Files.isRegularFile(p))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * hcl4j 0.9.8 prints a line to System.out for every {@code for} expression it evaluates; that
   * noise would bury the test report, so it is swallowed while parsing.
   */
  private static synchronized Map<String, Object> parse(Path file, String text) {
    PrintStream original = System.out;
    System.setOut(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
    try {
      return new HCLParser().parse(text);
    } catch (HCLParserException | IOException | RuntimeException e) {
      throw new IllegalStateException("hcl4j cannot parse " + file + ": " + e.getMessage(), e);
    } finally {
      System.setOut(original);
    }
  }

  /**
   * The labelled blocks of one kind ({@code variable "x" {...}} gives {@code x -> {...}}). Repeated
   * unlabelled blocks (two {@code locals} in one file) come back from hcl4j as a list: merged.
   */
  private static Map<String, Object> blocks(Map<String, Object> doc, String kind) {
    Object value = doc.get(kind);
    if (value instanceof List<?> list) {
      Map<String, Object> merged = new LinkedHashMap<>();
      list.forEach(item -> merged.putAll(map(item)));
      return merged;
    }
    return map(value);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }
}
