package io.github.hybridshop.examples.deployment;

import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.Variable;
import io.github.hybridshop.examples.deployment.TerraformModule.Resource;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks the Lambda side of the Terraform against the compiled handlers: every {@code handler}
 * string names a loadable class with the handler method, and the HTTP API's routes are exactly the
 * routes the handler classes declare in their {@code public static final List<String> ROUTES}.
 * The classes are only reached by reflection, so this compiles whether or not shop-aws does.
 */
final class LambdaChecks {

  private LambdaChecks() {}

  /**
   * A Lambda function as Terraform defines it.
   *
   * @param key the {@code for_each} key, or the resource name for a single function
   * @param handler the handler string, {@code "pkg.Class::method"}
   * @param file where it is defined
   */
  record LambdaFunction(String key, String handler, Path file) {

    String className() {
      int sep = handler.indexOf("::");
      return sep < 0 ? handler : handler.substring(0, sep);
    }

    String methodName() {
      int sep = handler.indexOf("::");
      return sep < 0 ? "handleRequest" : handler.substring(sep + 2);
    }
  }

  /**
   * A route of the HTTP API.
   *
   * @param routeKey e.g. {@code "GET /products/{id}"}
   * @param function key of the function it targets, when Terraform states it as {@code function}
   *     in the route's {@code for_each} entry
   * @param file where it is defined
   */
  record Route(String routeKey, Optional<String> function, Path file) {}

  /** Functions and routes read from a module, plus the problems met reading them. */
  record Api(List<LambdaFunction> functions, List<Route> routes, List<Finding> unreadable) {}

  /** Reads the {@code aws_lambda_function} and {@code aws_apigatewayv2_route} resources. */
  static Api read(TerraformModule module) {
    List<LambdaFunction> functions = new ArrayList<>();
    List<Route> routes = new ArrayList<>();
    List<Finding> unreadable = new ArrayList<>();

    for (Resource r : module.resourcesOfType("aws_lambda_function")) {
      Object handler = r.body().get("handler");
      Optional<Map<String, Object>> instances = instances(module, r, unreadable);
      if (instances.isEmpty()) {
        continue;
      }
      for (Map.Entry<String, Object> instance : instances.get().entrySet()) {
        Optional<String> value = stringValue(module, handler, instance.getValue());
        if (value.isPresent()) {
          functions.add(new LambdaFunction(instance.getKey(), value.get(), r.file()));
        } else {
          unreadable.add(new Finding("unreadable", r.file(), "handler of aws_lambda_function." + r.name()
              + " (" + handler + ") is not a literal string, a local, or each.value.<attribute>"));
        }
      }
    }

    for (Resource r : module.resourcesOfType("aws_apigatewayv2_route")) {
      Object routeKey = r.body().get("route_key");
      Optional<Map<String, Object>> instances = instances(module, r, unreadable);
      if (instances.isEmpty()) {
        continue;
      }
      for (Map.Entry<String, Object> instance : instances.get().entrySet()) {
        boolean eachKey = isReference(routeKey, "each.key");
        Optional<String> key = eachKey ? Optional.of(instance.getKey()) : stringValue(module, routeKey, instance.getValue());
        if (key.isEmpty()) {
          unreadable.add(new Finding("unreadable", r.file(),
              "route_key of aws_apigatewayv2_route." + r.name() + " (" + routeKey + ") cannot be read statically"));
          continue;
        }
        Object function = TerraformModule.map(instance.getValue()).get("function");
        routes.add(new Route(key.get(),
            function instanceof String s ? Optional.of(s) : Optional.empty(), r.file()));
      }
    }
    return new Api(functions, routes, unreadable);
  }

  /** Each handler names a public class with a public no-argument constructor and the handler method. */
  static List<Finding> handlers(Api api, ClassLoader classes) {
    List<Finding> findings = new ArrayList<>(api.unreadable());
    for (LambdaFunction f : api.functions()) {
      Class<?> type;
      try {
        // Not initialised: loading must not run the handler's static set-up.
        type = Class.forName(f.className(), false, classes);
      } catch (ClassNotFoundException | LinkageError e) {
        findings.add(new Finding("handler-class", f.file(),
            "function " + f.key() + ": handler class " + f.className() + " is not in the shop-aws artifact (" + e + ")"));
        continue;
      }
      if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
        findings.add(new Finding("handler-class", f.file(),
            "function " + f.key() + ": " + f.className() + " must be a public, concrete class"));
      }
      try {
        if (!Modifier.isPublic(type.getConstructor().getModifiers())) {
          throw new NoSuchMethodException();
        }
      } catch (NoSuchMethodException e) {
        findings.add(new Finding("handler-class", f.file(), "function " + f.key() + ": " + f.className()
            + " needs a public no-argument constructor (the Lambda runtime creates it)"));
      }
      if (handlerMethod(type, f.methodName()).isEmpty()) {
        findings.add(new Finding("handler-method", f.file(), "function " + f.key() + ": " + f.className()
            + " has no public " + f.methodName() + "(input, Context) or (InputStream, OutputStream, Context) method"));
      }
    }
    return findings;
  }

  /**
   * The routes in Terraform are exactly the union of the handlers' {@code ROUTES}, every routed
   * function's handler declares {@code ROUTES}, and a route goes to a function whose handler serves
   * it.
   */
  static List<Finding> routes(Api api, ClassLoader classes) {
    List<Finding> findings = new ArrayList<>(api.unreadable());
    Map<String, LambdaFunction> byKey = new LinkedHashMap<>();
    api.functions().forEach(f -> byKey.put(f.key(), f));

    Set<String> routedFunctions = new LinkedHashSet<>();
    api.routes().forEach(r -> r.function().ifPresent(routedFunctions::add));

    // Route key -> handler classes declaring it.
    Map<String, Set<String>> served = new LinkedHashMap<>();
    Map<String, List<String>> routesByFunction = new LinkedHashMap<>();
    for (LambdaFunction f : api.functions()) {
      Optional<List<String>> declared = declaredRoutes(f, classes, findings);
      if (declared.isEmpty()) {
        if (routedFunctions.contains(f.key())) {
          findings.add(new Finding("handler-routes", f.file(), "function " + f.key() + " serves routes but "
              + f.className() + " declares no public static final List<String> ROUTES"));
        }
        continue;
      }
      routesByFunction.put(f.key(), declared.get());
      declared.get().forEach(route -> served.computeIfAbsent(route, k -> new TreeSet<>()).add(f.className()));
    }

    Set<String> inTerraform = new TreeSet<>();
    for (Route route : api.routes()) {
      inTerraform.add(route.routeKey());
      if (!served.containsKey(route.routeKey())) {
        findings.add(new Finding("route-unserved", route.file(),
            "route \"" + route.routeKey() + "\" is in the HTTP API but no handler's ROUTES declares it"));
      }
      if (route.function().isPresent()) {
        String fn = route.function().get();
        if (!byKey.containsKey(fn)) {
          findings.add(new Finding("route-target", route.file(),
              "route \"" + route.routeKey() + "\" targets function " + fn + ", which is not defined"));
        } else if (routesByFunction.containsKey(fn) && !routesByFunction.get(fn).contains(route.routeKey())) {
          findings.add(new Finding("route-target", route.file(), "route \"" + route.routeKey() + "\" goes to function "
              + fn + " but " + byKey.get(fn).className() + " does not serve it (it serves " + routesByFunction.get(fn) + ")"));
        }
      }
    }
    served.forEach((route, owners) -> {
      if (!inTerraform.contains(route)) {
        Path where = api.routes().isEmpty() ? api.functions().get(0).file() : api.routes().get(0).file();
        findings.add(new Finding("route-missing", where,
            owners + " declares route \"" + route + "\" but the HTTP API has no such route"));
      }
    });
    return findings;
  }

  private static Optional<List<String>> declaredRoutes(LambdaFunction f, ClassLoader classes, List<Finding> findings) {
    Class<?> type;
    try {
      type = Class.forName(f.className(), false, classes);
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty(); // reported by handlers()
    }
    Field field;
    try {
      field = type.getField("ROUTES");
    } catch (NoSuchFieldException e) {
      return Optional.empty();
    }
    if (!Modifier.isStatic(field.getModifiers()) || !List.class.isAssignableFrom(field.getType())) {
      findings.add(new Finding("handler-routes", f.file(), f.className() + ".ROUTES must be a static List<String>"));
      return Optional.empty();
    }
    try {
      // Reading a static field initialises the class: a handler must keep its static set-up
      // free of environment lookups (they belong in SnapStart-aware lazy initialisation anyway).
      Object value = field.get(null);
      List<String> routes = new ArrayList<>();
      for (Object item : (List<?>) value) {
        routes.add(String.valueOf(item));
      }
      return Optional.of(routes);
    } catch (IllegalAccessException | RuntimeException | LinkageError e) {
      findings.add(new Finding("handler-routes", f.file(),
          "reading " + f.className() + ".ROUTES failed (class initialisation?): " + e));
      return Optional.empty();
    }
  }

  private static Optional<Method> handlerMethod(Class<?> type, String name) {
    // The two shapes the Java runtime calls: RequestHandler's (input, Context) and
    // RequestStreamHandler's (InputStream, OutputStream, Context).
    for (Method m : type.getMethods()) {
      Class<?>[] p = m.getParameterTypes();
      boolean context = p.length > 0 && p[p.length - 1].getSimpleName().equals("Context");
      boolean shape = p.length == 2
          || (p.length == 3 && p[0] == java.io.InputStream.class && p[1] == java.io.OutputStream.class);
      if (m.getName().equals(name) && !Modifier.isStatic(m.getModifiers()) && context && shape) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /**
   * The instances of a resource: its {@code for_each} entries, or one instance named after the
   * resource. Empty (with a finding) when {@code for_each} cannot be resolved statically.
   */
  private static Optional<Map<String, Object>> instances(
      TerraformModule module, Resource r, List<Finding> unreadable) {
    if (!r.body().containsKey("for_each")) {
      Map<String, Object> single = new LinkedHashMap<>();
      single.put(r.name(), null);
      return Optional.of(single);
    }
    Object forEach = r.body().get("for_each");
    if (forEach instanceof Variable v && v.toString().startsWith("local.")) {
      forEach = module.locals().get(v.toString().substring("local.".length()));
    }
    if (forEach instanceof Map<?, ?>) {
      return Optional.of(TerraformModule.map(forEach));
    }
    unreadable.add(new Finding("unreadable", r.file(), r.type() + "." + r.name()
        + ": for_each must be a literal map or a local holding one, so the checks can read it"));
    return Optional.empty();
  }

  /** A literal string, a local holding one, or each.value.attribute of the current instance. */
  private static Optional<String> stringValue(TerraformModule module, Object expression, Object eachValue) {
    if (expression instanceof String s) {
      return Optional.of(s);
    }
    if (expression instanceof Variable v) {
      String ref = v.toString();
      Object resolved = null;
      if (ref.startsWith("each.value.")) {
        resolved = TerraformModule.map(eachValue).get(ref.substring("each.value.".length()));
      } else if (ref.startsWith("local.")) {
        resolved = module.locals().get(ref.substring("local.".length()));
      }
      return resolved instanceof String s ? Optional.of(s) : Optional.empty();
    }
    return Optional.empty();
  }

  private static boolean isReference(Object expression, String ref) {
    return expression instanceof Variable v && v.toString().equals(ref);
  }
}
