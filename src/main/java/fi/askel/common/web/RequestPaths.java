package fi.askel.common.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The one place that decides whether a request is an API call or a page. Every guard that treats the
 * two differently (the X-Requested-With rule for cookie-carried API calls, the form CSRF token, the
 * problem+json answers) asks here, on the path as the router will understand it: {@code //api/v1/x},
 * {@code /%61pi/v1/x} and {@code /static/../api/v1/x} all reach the API, so all of them are API calls.
 * A request is then always under exactly one of the two rules, never under neither.
 */
public final class RequestPaths {

    private RequestPaths() {}

    /** Percent-decoded once, backslashes as slashes, repeated slashes collapsed, dot segments resolved. */
    public static String normalise(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "/";
        }
        String path = raw;
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        try {
            path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            // Left as it is: the router will not decode it either.
        }
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : path.replace('\\', '/').split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                segments.pollLast();
            } else {
                segments.addLast(segment);
            }
        }
        boolean trailing = path.endsWith("/") && !segments.isEmpty();
        return "/" + String.join("/", segments) + (trailing ? "/" : "");
    }

    public static boolean isApi(String rawPath) {
        String path = normalise(rawPath);
        return path.equals("/api") || path.startsWith("/api/");
    }
}
