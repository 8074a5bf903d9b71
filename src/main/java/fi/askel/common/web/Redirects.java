package fi.askel.common.web;

import java.net.URI;
import java.net.URISyntaxException;

/** Where a form may send the browser next. */
public final class Redirects {

    private static final int MAX_LENGTH = 2000;

    private Redirects() {}

    /**
     * Only a path on this site: never an absolute or protocol-relative address (no open redirect), and
     * nothing a Location header cannot carry (control characters, spaces, backslashes): those give "/",
     * so a redirect built from the answer can never fail after the work (a sign-in) is already done.
     */
    public static String localPath(String next) {
        if (next == null || next.isEmpty() || next.length() > MAX_LENGTH || !next.startsWith("/")
                || next.startsWith("//")) {
            return "/";
        }
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (c <= 0x20 || c == 0x7f || c == '\\' || Character.isISOControl(c) || Character.isWhitespace(c)) {
                return "/";
            }
        }
        try {
            URI uri = new URI(next);
            if (uri.isAbsolute() || uri.getRawAuthority() != null || uri.getRawPath() == null
                    || !uri.getRawPath().startsWith("/")) {
                return "/";
            }
        } catch (URISyntaxException e) {
            return "/";
        }
        return next;
    }
}
