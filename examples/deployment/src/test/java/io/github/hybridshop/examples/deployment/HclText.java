package io.github.hybridshop.examples.deployment;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The raw-text side of the checks. hcl4j evaluates expressions while it parses (an unknown
 * {@code var.x} becomes {@code null}, {@code "${var.a}-b"} becomes {@code "-b"}), so references are
 * found in the source text instead, after comments are removed. Structure (blocks, attribute
 * names, literal values) still comes from hcl4j.
 */
final class HclText {

  /** {@code var.name}, not preceded by an identifier character or a dot ({@code x.var.y} is not one). */
  private static final Pattern VAR_REF = Pattern.compile("(?<![\\w.-])var\\.([A-Za-z_][\\w-]*)");

  /** {@code module.name.output} or {@code module.name[0].output}; a bare {@code module.name} names no output. */
  private static final Pattern MODULE_OUTPUT_REF =
      Pattern.compile("(?<![\\w.-])module\\.([A-Za-z_][\\w-]*)(?:\\[[^\\]]*\\])?\\.([A-Za-z_][\\w-]*)");

  private static final Pattern BLOCK_LABEL = Pattern.compile("\\s*\"([^\"]+)\"");

  private static final Pattern HEREDOC_START = Pattern.compile("<<-?([A-Za-z_][A-Za-z0-9_]*)[ \\t]*\\r?\\n");

  private HclText() {}

  /** A reference to an output of a module call. */
  record ModuleOutputRef(String module, String output) {}

  /**
   * Removes {@code #}, {@code //} and {@code /* *\/} comments, keeping strings (including nested
   * strings inside {@code ${...}} interpolations) and heredocs intact. Line breaks are kept so
   * positions stay recognisable.
   */
  static String stripComments(String text) {
    StringBuilder out = new StringBuilder(text.length());
    // Each entry is a nesting level: STRING inside "...", EXPR inside ${...} or %{...} in a string.
    Deque<Character> stack = new ArrayDeque<>();
    final char string = 's';
    final char expr = 'e';
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      boolean inString = !stack.isEmpty() && stack.peek() == string;
      if (inString) {
        out.append(c);
        if (c == '\\' && i + 1 < n) {
          out.append(text.charAt(i + 1));
          i += 2;
          continue;
        }
        if ((c == '$' || c == '%') && i + 1 < n && text.charAt(i + 1) == '{') {
          out.append('{');
          stack.push(expr);
          i += 2;
          continue;
        }
        if (c == '"') {
          stack.pop();
        }
        i++;
        continue;
      }
      // Expression context: top level, or inside an interpolation.
      if (c == '"') {
        stack.push(string);
        out.append(c);
        i++;
      } else if (c == '}' && !stack.isEmpty() && stack.peek() == expr) {
        stack.pop();
        out.append(c);
        i++;
      } else if (c == '{' && !stack.isEmpty() && stack.peek() == expr) {
        // An object literal inside an interpolation: balance it with its own level.
        stack.push(expr);
        out.append(c);
        i++;
      } else if (c == '#' || (c == '/' && i + 1 < n && text.charAt(i + 1) == '/')) {
        while (i < n && text.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        int end = text.indexOf("*/", i + 2);
        int stop = end < 0 ? n : end + 2;
        for (int k = i; k < stop; k++) {
          if (text.charAt(k) == '\n') {
            out.append('\n');
          }
        }
        i = stop;
      } else if (c == '<' && stack.isEmpty()) {
        Matcher heredoc = HEREDOC_START.matcher(text).region(i, n);
        if (heredoc.lookingAt()) {
          int end = heredocEnd(text, heredoc.end(), heredoc.group(1));
          out.append(text, i, end);
          i = end;
        } else {
          out.append(c);
          i++;
        }
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** Index just past the line that closes a heredoc (a line holding only its marker). */
  private static int heredocEnd(String text, int bodyStart, String marker) {
    int lineStart = bodyStart;
    while (lineStart < text.length()) {
      int lineEnd = text.indexOf('\n', lineStart);
      int stop = lineEnd < 0 ? text.length() : lineEnd;
      if (text.substring(lineStart, stop).strip().equals(marker)) {
        return stop;
      }
      if (lineEnd < 0) {
        break;
      }
      lineStart = lineEnd + 1;
    }
    return text.length();
  }

  /** Names of all {@code var.x} references in comment-free text. */
  static Set<String> variableRefs(String code) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = VAR_REF.matcher(code);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** All {@code module.m.o} references in comment-free text. */
  static Set<ModuleOutputRef> moduleOutputRefs(String code) {
    Set<ModuleOutputRef> refs = new LinkedHashSet<>();
    Matcher m = MODULE_OUTPUT_REF.matcher(code);
    while (m.find()) {
      refs.add(new ModuleOutputRef(m.group(1), m.group(2)));
    }
    return refs;
  }

  /**
   * The text of every top-level block of one kind in comment-free code, keyed by its labels joined
   * with a dot: {@code resource "aws_x" "y" {...}} is {@code aws_x.y}, {@code module "m" {...}} is
   * {@code m}. The text runs from the opening to the matching closing brace; braces inside strings
   * and interpolations are balanced in Terraform, so counting them is enough.
   */
  static Map<String, String> blocks(String code, String kind) {
    Map<String, String> blocks = new LinkedHashMap<>();
    Matcher start = Pattern.compile("(?m)^" + Pattern.quote(kind) + "((?:\\s*\"[^\"]+\")+)\\s*\\{").matcher(code);
    while (start.find()) {
      List<String> labels = new ArrayList<>();
      Matcher label = BLOCK_LABEL.matcher(start.group(1));
      while (label.find()) {
        labels.add(label.group(1));
      }
      int open = start.end() - 1;
      int depth = 0;
      int end = code.length();
      for (int i = open; i < code.length(); i++) {
        char c = code.charAt(i);
        if (c == '{') {
          depth++;
        } else if (c == '}' && --depth == 0) {
          end = i + 1;
          break;
        }
      }
      blocks.put(String.join(".", labels), code.substring(open, end));
    }
    return blocks;
  }
}
