package fi.askel.common.db;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A database server's version as {@code SELECT VERSION()} reports it, e.g. {@code 10.11.19-MariaDB-0+deb12u1}. */
public record ServerVersion(int major, int minor, String reported, boolean mariaDb) implements Comparable<ServerVersion> {

    private static final Pattern LEADING = Pattern.compile("^(\\d+)\\.(\\d+)");

    public static ServerVersion parse(String reported) {
        Matcher m = LEADING.matcher(reported == null ? "" : reported.trim());
        if (!m.find()) {
            throw new IllegalArgumentException("not a server version: " + reported);
        }
        boolean mariaDb = reported.toLowerCase(java.util.Locale.ROOT).contains("mariadb");
        return new ServerVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), reported.trim(), mariaDb);
    }

    public boolean isAtLeast(ServerVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(ServerVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }
}
