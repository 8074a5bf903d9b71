package fi.askel.identity;

import java.util.Locale;

/**
 * What someone typed to find an account: a part of the name or of the username, any case. The
 * typed text is matched literally ({@code %} and {@code _} are not wildcards).
 */
public final class UserSearch {

    /** The condition on an entity aliased {@code u}, with the pattern as positional parameter {@code ?parameter}. */
    public static String where(int parameter) {
        return "(lower(u.displayName) like ?" + parameter + " escape '!' or lower(u.username) like ?" + parameter + " escape '!')";
    }

    /** Longest text searched for; longer input is refused rather than cut. */
    public static final int MAX_LENGTH = 100;

    private UserSearch() {
    }

    /** The LIKE pattern for what was typed, or null when nothing was (blank means: everyone). */
    public static String pattern(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String escaped = typed.strip().toLowerCase(Locale.ROOT)
                .replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }
}
