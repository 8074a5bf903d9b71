package fi.askel.common.web;

import fi.askel.common.Messages;
import fi.askel.common.web.ProviderTexts.Field;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The provider's own parts of the accessibility statement (/help/accessibility): what the admin saved for a
 * language, else the defaults. The supervising authority and its contacts are the law's, so they stay in the
 * bundles and nobody edits them.
 */
@ApplicationScoped
public class AccessibilityStatement {

    /** How far the service meets WCAG 2.1 AA, in the law's three words: fully, partially, not. */
    public enum Conformance { FULL, PARTIAL, NONE }

    /** When the service was last checked against WCAG 2.1 AA, until the provider saves its own date. */
    public static final LocalDate ASSESSED_ON = LocalDate.of(2026, 12, 5);
    /** The law gives the provider at most two weeks to answer accessibility feedback. */
    public static final int MAX_RESPONSE_DAYS = 14;

    /**
     * The statement as a reader of {@code lang} sees it. {@code method} is the assessment in paragraphs;
     * {@code feedback} the provider's own channel for accessibility feedback, null for the support contacts only.
     */
    public record View(String provider, Conformance conformance, LocalDate statementDate, LocalDate assessedOn,
            List<String> method, String feedback, String feedbackHref, int responseDays) {}

    private final ProviderTexts saved;
    private final ProviderConfig provider;
    private final Messages messages;

    public AccessibilityStatement(ProviderTexts saved, ProviderConfig provider, Messages messages) {
        this.saved = saved;
        this.provider = provider;
        this.messages = messages;
    }

    public View view(String lang) {
        String feedback = saved.saved(Field.A11Y_FEEDBACK, lang).orElse(null);
        return new View(text(Field.A11Y_PROVIDER, lang), Conformance.valueOf(text(Field.A11Y_CONFORMANCE, lang)),
                date(text(Field.A11Y_STATEMENT_DATE, lang)), date(text(Field.A11Y_ASSESSED_ON, lang)),
                PageContext.paragraphs(text(Field.A11Y_METHOD, lang)), feedback, feedback == null ? null : href(feedback),
                Integer.parseInt(text(Field.A11Y_RESPONSE_DAYS, lang)));
    }

    /** What readers see of a statement field when nothing is saved, written as the admin would type it; null for none. */
    public String defaultText(Field field, String lang) {
        return switch (field) {
            case A11Y_PROVIDER -> provider.name();
            case A11Y_CONFORMANCE -> Conformance.PARTIAL.name();
            case A11Y_STATEMENT_DATE, A11Y_ASSESSED_ON -> ASSESSED_ON.toString();
            case A11Y_METHOD -> messages.get(lang, "a11y.method.text");
            case A11Y_RESPONSE_DAYS -> String.valueOf(MAX_RESPONSE_DAYS);
            default -> null;
        };
    }

    /** A feedback channel is an e-mail address or a web address. */
    public static String href(String channel) {
        return channel.startsWith("https://") || channel.startsWith("http://") ? channel : "mailto:" + channel;
    }

    private String text(Field field, String lang) {
        return saved.saved(field, lang).orElseGet(() -> defaultText(field, lang));
    }

    /** Saved values were checked when saved; one that no longer reads (hand-edited table) falls back to the default. */
    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return ASSESSED_ON;
        }
    }
}
