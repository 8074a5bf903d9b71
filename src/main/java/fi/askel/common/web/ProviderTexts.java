package fi.askel.common.web;

import java.util.Optional;

/**
 * The provider's client-facing texts that an admin has saved in the service, which take the place of
 * {@link ProviderConfig}'s configured ones. Declared here so the layout can read them without knowing
 * the feature that keeps them (readiness implements it); without one, configuration alone is used.
 * Read on every page, so an implementation answers from memory and never touches the database here.
 */
public interface ProviderTexts {

    /**
     * {@code A11Y_…}: the provider's own parts of the accessibility statement ({@link AccessibilityStatement}).
     * A shared field is one value for every language (a choice, a date, a number), kept under each language.
     */
    enum Field {
        SUPPORT_PHONE, SUPPORT_EMAIL, SUPPORT_HOURS, EMERGENCY_INSTRUCTIONS, TECHNICAL_INSTRUCTIONS, ACCESSIBILITY_GAPS,
        A11Y_PROVIDER, A11Y_CONFORMANCE(true), A11Y_STATEMENT_DATE(true), A11Y_ASSESSED_ON(true), A11Y_METHOD,
        A11Y_FEEDBACK, A11Y_RESPONSE_DAYS(true);

        private final boolean shared;

        Field() {
            this(false);
        }

        Field(boolean shared) {
            this.shared = shared;
        }

        /** The same value in every language. */
        public boolean shared() {
            return shared;
        }
    }

    /** The saved text for this language, or empty to fall back on configuration and then the bundles. */
    Optional<String> saved(Field field, String lang);
}
