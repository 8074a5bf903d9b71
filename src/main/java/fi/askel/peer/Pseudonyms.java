package fi.askel.peer;

import fi.askel.common.ApiException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Pseudonyms: the default (first name and initial), the rules for a chosen one, and uniqueness in a group. */
final class Pseudonyms {

    static final int MAX = 40;
    private static final Pattern VALID = Pattern.compile("^[\\p{L}\\p{N}][\\p{L}\\p{N} ._'-]{1,39}$");

    private Pseudonyms() {}

    /** "Matti Meikäläinen" → "Matti M."; a single name stays as it is. */
    static String defaultFor(String displayName) {
        // Each word cut to what a pseudonym may contain, starting with a letter or digit.
        List<String> words = Arrays.stream(displayName.strip().split("\\s+"))
                .map(w -> w.replaceAll("[^\\p{L}\\p{N}.'-]", "").replaceAll("^[^\\p{L}\\p{N}]+", ""))
                .filter(w -> !w.isEmpty()).toList();
        if (words.isEmpty()) {
            return "Askel";
        }
        String first = words.get(0);
        String last = words.get(words.size() - 1);
        String initial = new String(Character.toChars(last.codePointAt(0))).toUpperCase(Locale.ROOT);
        String name = words.size() == 1 ? first : first + " " + initial + ".";
        if (name.length() < 2) {
            name = name + ".";
        }
        return name.length() > MAX - 4 ? name.substring(0, MAX - 4).strip() : name;
    }

    /** The name, or the name with the first free number after it. */
    static String unique(Long groupId, String wanted, Long forUserId) {
        String candidate = wanted;
        for (int n = 2; isTaken(groupId, candidate, forUserId); n++) {
            candidate = wanted + " " + n;
        }
        return candidate;
    }

    static String validate(String pseudonym) {
        String value = pseudonym == null ? "" : pseudonym.strip().replaceAll("\\s+", " ");
        if (!VALID.matcher(value).matches()) {
            throw ApiException.invalid("pseudonym", "peer.pseudonym.invalid", 2, MAX);
        }
        return value;
    }

    static boolean isTaken(Long groupId, String pseudonym, Long forUserId) {
        return Member.findByGroupAndPseudonym(groupId, pseudonym).filter(m -> !m.userId.equals(forUserId)).isPresent();
    }
}
