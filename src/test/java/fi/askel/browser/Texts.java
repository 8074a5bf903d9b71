package fi.askel.browser;

import fi.askel.common.Messages;

/** The service's own texts, so that one journey can walk the pages in Finnish and in Swedish. */
final class Texts {

    private static final Messages MESSAGES = new Messages();

    private final String lang;

    Texts(String lang) {
        this.lang = lang;
    }

    /** The text as the pages show it; a key that has no text in the language is a mistake in the test. */
    String t(String key, Object... args) {
        String text = MESSAGES.get(lang, key, args);
        if (text.equals(key)) {
            throw new IllegalArgumentException("No " + lang + " text for " + key);
        }
        return text;
    }

    /** The browser locale that goes with the language (fi-FI, sv-FI). */
    String locale() {
        return lang + "-FI";
    }

    /** A moment as the pages write it in this language: 5.12.2026 klo 14.30 (fi), 5.12.2026 kl. 14.30 (sv). */
    java.util.regex.Pattern dateTime() {
        String word = "sv".equals(lang) ? "kl\\." : "klo";
        return java.util.regex.Pattern.compile("\\b\\d{1,2}\\.\\d{1,2}\\.\\d{4} " + word + " \\d{1,2}\\.\\d{2}\\b");
    }
}
