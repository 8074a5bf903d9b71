package fi.askel.content.steps;

/** The reader's language and the message bundles in it. */
public interface Texts {

    String lang();

    /** A user-facing text from the message bundles. */
    String t(String key, Object... args);
}
