package fi.askel.common.web;

/** Where a form may send the browser next. */
public final class Redirects {

    private Redirects() {}

    /** Only a path on this site: never an absolute or protocol-relative address (no open redirect). */
    public static String localPath(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.contains("\r") || next.contains("\n")) {
            return "/";
        }
        return next;
    }
}
