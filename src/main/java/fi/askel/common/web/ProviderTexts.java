package fi.askel.common.web;

import java.util.Optional;

/**
 * The provider's client-facing texts that an admin has saved in the service, which take the place of
 * {@link ProviderConfig}'s configured ones. Declared here so the layout can read them without knowing
 * the feature that keeps them (readiness implements it); without one, configuration alone is used.
 * Read on every page, so an implementation answers from memory and never touches the database here.
 */
public interface ProviderTexts {

    enum Field { SUPPORT_PHONE, SUPPORT_EMAIL, SUPPORT_HOURS, EMERGENCY_INSTRUCTIONS, TECHNICAL_INSTRUCTIONS, ACCESSIBILITY_GAPS }

    /** The saved text for this language, or empty to fall back on configuration and then the bundles. */
    Optional<String> saved(Field field, String lang);
}
