package fi.askel.common;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Every user-facing text, in Finnish, Swedish and English, from the bundles in
 * {@code messages/<bundle>_<lang>.properties}. Loaded once; a missing key shows as the key itself
 * (and a test fails the build long before a user could see that).
 *
 * <p>A {@code @Singleton}, not {@code @ApplicationScoped}: a page asks it for hundreds of texts, and each call through
 * an application-scoped bean's client proxy looks the instance up again.
 */
@Singleton
public class Messages {

    public static final List<String> LANGUAGES = List.of("fi", "sv", "en");
    public static final String DEFAULT_LANGUAGE = "fi";
    /** One bundle per feature; add a feature's name here when it gets texts of its own. */
    public static final List<String> BUNDLES = List.of("common", "identity", "content", "rehab", "followup", "peer", "privacy", "accesslog", "remote",
            "readiness", "suitability", "days", "survey", "help");

    private final Map<String, Map<String, String>> byLanguage = new HashMap<>();

    public Messages() {
        for (String lang : LANGUAGES) {
            byLanguage.put(lang, load(lang));
        }
    }

    public static Map<String, String> load(String lang) {
        Map<String, String> texts = new HashMap<>();
        for (String bundle : BUNDLES) {
            String resource = "messages/" + bundle + "_" + lang + ".properties";
            try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    continue;
                }
                Properties props = new Properties();
                props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                props.forEach((k, v) -> texts.put((String) k, (String) v));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Map.copyOf(texts);
    }

    public static String language(String candidate) {
        return candidate != null && LANGUAGES.contains(candidate) ? candidate : null;
    }

    public String get(String lang, String key, Object... args) {
        String language = language(lang) == null ? DEFAULT_LANGUAGE : lang;
        String pattern = byLanguage.get(language).get(key);
        if (pattern == null) {
            return key;
        }
        if (args != null) {
            // Plain {0}-style placeholders; no MessageFormat, so apostrophes in texts need no escaping.
            for (int i = 0; i < args.length; i++) {
                pattern = pattern.replace("{" + i + "}", String.valueOf(args[i]));
            }
        }
        return pattern;
    }

    public boolean has(String key) {
        return byLanguage.get(DEFAULT_LANGUAGE).containsKey(key);
    }

    public Set<String> keys(String lang) {
        return byLanguage.get(lang).keySet();
    }
}
