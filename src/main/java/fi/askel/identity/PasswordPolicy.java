package fi.askel.identity;

import com.nulabinc.zxcvbn.Pattern;
import com.nulabinc.zxcvbn.StandardDictionaries;
import com.nulabinc.zxcvbn.StandardKeyboards;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.ZxcvbnBuilder;
import com.nulabinc.zxcvbn.matchers.Dictionary;
import com.nulabinc.zxcvbn.matchers.Match;
import fi.askel.common.ApiException.FieldError;
import io.quarkus.elytron.security.common.BcryptUtil;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one place for what a password must meet: long enough, not the username, and hard enough to guess.
 * Strength is estimated with zxcvbn (frequency lists of passwords, English words and names, keyboard
 * patterns, years, dates, sequences and l33t) plus our own list of Finnish and Swedish words, and our old
 * list of common passwords. Staff see many people's health data, so their minimum is higher:
 * {@code Summer2024!!} or {@code Kesä2024!!} do for nobody on staff. A refused password gets the reason,
 * in the person's language, from the message bundles ({@code password.weak.*}).
 */
public final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    /** bcrypt reads at most 72 bytes; longer passwords would be silently cut. */
    static final int MAX_BYTES = 72;
    /** Estimated guesses (log10) a password must need: 10^10 for staff (zxcvbn's score 4), 10^8 for clients (3). */
    static final double STAFF_MIN_GUESSES_LOG10 = 10;
    static final double CLIENT_MIN_GUESSES_LOG10 = 8;
    private static final List<String> COMMON = load("common-passwords.txt");
    private static final Zxcvbn ESTIMATOR = estimator();

    private PasswordPolicy() {}

    /**
     * What the strength meter shows (PasswordStrengthResource): the refusal {@link #check} gives, if any, and how
     * far the password is from the bar. {@code strong}: accepted with a hundredfold margin of guesses to spare.
     */
    public record Verdict(Optional<FieldError> refusal, boolean strong) {}

    /** For the role the account will have (null: judged as staff, the stricter). */
    public static Optional<FieldError> check(String field, String password, String username, Role role) {
        return assess(field, password, username, role).refusal();
    }

    /** {@link #check}, and whether the password clears the bar by a wide margin: the one rule, for the form and the meter. */
    public static Verdict assess(String field, String password, String username, Role role) {
        if (password == null || password.isBlank()) {
            return refused(new FieldError(field, "password.required"));
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return refused(new FieldError(field, "password.too-short", MIN_LENGTH));
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return refused(new FieldError(field, "password.too-long", MAX_BYTES));
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return refused(new FieldError(field, "password.contains-username"));
        }
        if (COMMON.contains(lower) || password.chars().distinct().count() < 4) {
            return refused(new FieldError(field, "password.too-common"));
        }
        List<String> userInputs = username == null ? List.of() : List.of(username.toLowerCase(Locale.ROOT));
        Strength strength = ESTIMATOR.measure(password, userInputs);
        double needed = role == Role.CLIENT ? CLIENT_MIN_GUESSES_LOG10 : STAFF_MIN_GUESSES_LOG10;
        if (strength.getGuessesLog10() < needed) {
            return refused(new FieldError(field, reason(strength.getSequence())));
        }
        return new Verdict(Optional.empty(), strength.getGuessesLog10() >= needed + 2);
    }

    /**
     * Whether {@code password} is the one behind {@code hash}. bcrypt reads only the first 72 bytes, so on its own it
     * would let a stored 72-byte password sign in followed by anything; no password longer than that was ever
     * accepted ({@link #MAX_BYTES}), so a longer one is simply wrong. bcrypt runs either way, so a long guess takes
     * as long as any other.
     */
    public static boolean matches(String password, String hash) {
        boolean same = BcryptUtil.matches(password, hash);
        return same && password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    private static Verdict refused(FieldError error) {
        return new Verdict(Optional.of(error), false);
    }

    /** Why it is easy to guess, from the parts zxcvbn found: the most telling first. */
    private static String reason(List<Match> parts) {
        Set<String> found = new LinkedHashSet<>();
        for (Match m : parts) {
            if (m.pattern == Pattern.Dictionary && "passwords".equals(m.dictionaryName)) {
                found.add("password.weak.common");
            } else if (m.pattern == Pattern.Spatial) {
                found.add("password.weak.keyboard");
            } else if (m.pattern == Pattern.Dictionary) {
                found.add("password.weak.word");
            } else if (m.pattern == Pattern.Repeat || m.pattern == Pattern.Sequence) {
                found.add("password.weak.sequence");
            } else if (m.pattern == Pattern.Regex || m.pattern == Pattern.Date) {
                found.add("password.weak.date");
            }
        }
        for (String key : List.of("password.weak.common", "password.weak.keyboard", "password.weak.word",
                "password.weak.sequence", "password.weak.date")) {
            if (found.contains(key)) {
                return key;
            }
        }
        return "password.weak";
    }

    private static Zxcvbn estimator() {
        try {
            List<Dictionary> dictionaries = new ArrayList<>(StandardDictionaries.loadAllDictionaries());
            dictionaries.add(new Dictionary("askel_fi_sv", load("weak-words-fi-sv.txt")));
            return new ZxcvbnBuilder().dictionaries(dictionaries).keyboards(StandardKeyboards.loadAllKeyboards()).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> load(String resource) {
        Set<String> words = new LinkedHashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(l -> words.add(l.toLowerCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(words);
    }
}
