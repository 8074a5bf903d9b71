package fi.askel.common.web;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The service's routes as the security sweeps see them: every JAX-RS resource method in the compiled classes, found by
 * reflection so that a page or list added tomorrow is swept too, and what each one takes.
 */
final class JaxRsRoutes {

    record Route(String method, String path, Method java) {}

    private static final Pattern TEMPLATE = Pattern.compile("\\{[^}]+}");

    private JaxRsRoutes() {}

    /** Every JAX-RS resource method in the service's compiled classes, with its full path. */
    static List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        java.nio.file.Path root = Paths.get("target", "classes");
        try (Stream<java.nio.file.Path> files = Files.walk(root.resolve("fi/askel"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type;
                try {
                    type = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
                } catch (ClassNotFoundException | NoClassDefFoundError e) {
                    continue;
                }
                Path base = type.getAnnotation(Path.class);
                if (base == null) {
                    continue;
                }
                for (Method m : type.getDeclaredMethods()) {
                    String verb = m.isAnnotationPresent(POST.class) ? "POST" : m.isAnnotationPresent(PUT.class) ? "PUT"
                            : m.isAnnotationPresent(DELETE.class) ? "DELETE" : m.isAnnotationPresent(PATCH.class) ? "PATCH"
                            : m.isAnnotationPresent(GET.class) ? "GET" : null;
                    if (verb == null) {
                        continue;
                    }
                    Path sub = m.getAnnotation(Path.class);
                    String path = ("/" + base.value() + "/" + (sub == null ? "" : sub.value())).replaceAll("/+", "/");
                    if (path.length() > 1 && path.endsWith("/")) {
                        path = path.substring(0, path.length() - 1);
                    }
                    if (seen.add(verb + " " + path)) {
                        routes.add(new Route(verb, path, m));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return routes;
    }

    static String concrete(String template) {
        return TEMPLATE.matcher(template).replaceAll("1");
    }

    static boolean consumesMultipart(Method m) {
        jakarta.ws.rs.Consumes consumes = m.isAnnotationPresent(jakarta.ws.rs.Consumes.class)
                ? m.getAnnotation(jakarta.ws.rs.Consumes.class) : m.getDeclaringClass().getAnnotation(jakarta.ws.rs.Consumes.class);
        return consumes != null && List.of(consumes.value()).contains(jakarta.ws.rs.core.MediaType.MULTIPART_FORM_DATA);
    }

    static boolean hasParam(Method m, Class<? extends java.lang.annotation.Annotation> kind, String name) {
        for (Parameter p : m.getParameters()) {
            if (p.isAnnotationPresent(kind)) {
                String value = kind == QueryParam.class ? p.getAnnotation(QueryParam.class).value()
                        : p.getAnnotation(FormParam.class).value();
                if (value.equals(name)) {
                    return true;
                }
            }
        }
        return false;
    }
}
