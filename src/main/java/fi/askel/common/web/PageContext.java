package fi.askel.common.web;

import fi.askel.common.Messages;
import fi.askel.common.web.ProviderTexts.Field;
import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.List;

/**
 * What the shared layout needs on every page: the language, who is signed in, the navigation for
 * their role, the provider's support contacts, and the texts in the page's language.
 */
@TemplateData
public final class PageContext {

    public record NavItem(String href, String label, boolean current) {}

    public final String lang;
    /** Null when nobody is signed in. */
    public final String displayName;
    public final String role;
    public final String path;
    /**
     * Error pages can be answered before the CSRF filter has run, so they carry no forms: the
     * language switch becomes plain links and signing out waits for the next normal page.
     */
    public final boolean formsAllowed;
    /** Seconds until the sign-in ends if nothing more is done (0 when nobody is signed in): for idle.js. */
    public final long idleSeconds;
    private final Messages messages;
    private final ProviderConfig provider;
    private final ProviderTexts saved;

    PageContext(String lang, String displayName, String role, String path, boolean formsAllowed, Messages messages,
            ProviderConfig provider, ProviderTexts saved, long idleSeconds) {
        this.idleSeconds = idleSeconds;
        this.lang = lang;
        this.displayName = displayName;
        this.role = role;
        this.path = path;
        this.formsAllowed = formsAllowed;
        this.messages = messages;
        this.provider = provider;
        this.saved = saved;
    }

    public boolean isSignedIn() {
        return displayName != null;
    }

    public boolean isStaff() {
        return "SPECIALIST".equals(role) || "ADMIN".equals(role);
    }

    public boolean isAdmin() {
        return "ADMIN".equals(role);
    }

    public String t(String key) {
        return messages.get(lang, key);
    }

    /** A text whose key ends in a value, e.g. {@code tk('role.', user.role)}. */
    public String tk(String prefix, Object suffix) {
        return messages.get(lang, prefix + suffix);
    }

    public String t1(String key, Object arg) {
        return messages.get(lang, key, arg);
    }

    public String t2(String key, Object arg0, Object arg1) {
        return messages.get(lang, key, arg0, arg1);
    }

    public List<String> languages() {
        return Messages.LANGUAGES;
    }

    public List<NavItem> nav() {
        List<NavItem> items = new ArrayList<>();
        if (!isSignedIn()) {
            return items;
        }
        items.add(item("/", "nav.dashboard"));
        items.add(item("/modules", "nav.modules"));
        items.add(item("/groups", "nav.groups"));
        if (!isAdmin()) {
            items.add(item("/appointments", "nav.appointments"));
        }
        if (isStaff()) {
            items.add(item("/clients", "nav.clients"));
            items.add(item("/reviews", "nav.reviews"));
            items.add(item("/users", isAdmin() ? "nav.users" : "nav.accounts"));
        }
        if (isAdmin()) {
            items.add(item("/admin/access-log", "accesslog.nav.admin"));
            items.add(item("/admin/privacy", "nav.privacy.admin"));
            items.add(item("/admin/readiness", "readiness.nav"));
        } else if ("CLIENT".equals(role)) {
            items.add(item("/me/privacy", "nav.privacy"));
            items.add(item("/access-log", "accesslog.nav.mine"));
        }
        items.add(item("/help", "nav.help"));
        return items;
    }

    /** Where the guide for the signed-in person's role is (/help/client, /help/specialist, /help/admin); else all guides. */
    public String helpGuideHref() {
        return isSignedIn() && role != null ? "/help/" + role.toLowerCase(java.util.Locale.ROOT) : "/help";
    }

    private NavItem item(String href, String key) {
        boolean current = href.equals("/") ? "/".equals(path) : path.startsWith(href);
        return new NavItem(href, t(key), current);
    }

    public String providerName() {
        return provider.name();
    }

    /** The support number: the admin's saved one for this language, else the configured one. */
    public String supportPhone() {
        return saved.saved(Field.SUPPORT_PHONE, lang).orElseGet(provider::supportPhone);
    }

    /** The number as a tel: link target (digits and a leading plus only). */
    public String supportPhoneHref() {
        String phone = supportPhone();
        StringBuilder href = new StringBuilder(phone.length() + 4).append("tel:");
        for (int i = 0; i < phone.length(); i++) {
            char c = phone.charAt(i);
            if (c >= '0' && c <= '9' || c == '+') {
                href.append(c);
            }
        }
        return href.toString(); // without a regular expression: the footer of every page asks for it
    }

    public String supportEmail() {
        return saved.saved(Field.SUPPORT_EMAIL, lang).orElseGet(provider::supportEmail);
    }

    public String supportHours() {
        return saved.saved(Field.SUPPORT_HOURS, lang)
                .orElseGet(() -> provider.supportHours().getOrDefault(lang, t("support.hours.default")));
    }

    /** The provider's own emergency instructions in this language, split into paragraphs. */
    public List<String> emergencyInstructions() {
        return paragraphs(saved.saved(Field.EMERGENCY_INSTRUCTIONS, lang)
                .orElseGet(() -> provider.emergencyInstructions().getOrDefault(lang, t("help.emergency.default"))));
    }

    public List<String> technicalInstructions() {
        return paragraphs(saved.saved(Field.TECHNICAL_INSTRUCTIONS, lang)
                .orElseGet(() -> provider.technicalInstructions().getOrDefault(lang, t("help.technical.default"))));
    }

    /** What the provider knows falls short in what it adds (accessibility statement), in paragraphs; none by default. */
    public List<String> accessibilityGaps() {
        return saved.saved(Field.ACCESSIBILITY_GAPS, lang).map(PageContext::paragraphs).orElse(List.of());
    }

    /** A text in paragraphs: blank lines separate them. */
    static List<String> paragraphs(String text) {
        return List.of(text.split("\\s*(\\\\n|\\n)\\s*(\\\\n|\\n)\\s*"));
    }

    /** The language names, each in its own language, for the language switch. */
    public String languageName(String language) {
        return messages.get(language, "language.self");
    }

    /** A date as the reader writes it: 5.12.2026 (fi, sv), 5 Dec 2026 (en). */
    public String date(java.time.LocalDate date) {
        return fi.askel.common.Dates.date(date, lang);
    }

    /** The day of a moment, in Finland's time. */
    public String day(java.time.Instant at) {
        return fi.askel.common.Dates.day(at, lang);
    }

    /** A moment as the reader writes it: 5.12.2026 klo 14.30 (fi), 5.12.2026 kl. 14.30 (sv), in Finland's time. */
    public String dateTime(java.time.Instant at) {
        return fi.askel.common.Dates.dateTime(at, lang);
    }

    /** A date kept as text (2026-12-05, e.g. in an exercise file) as the reader writes it; other text unchanged. */
    public String isoDate(String text) {
        try {
            return text == null ? "" : date(java.time.LocalDate.parse(text));
        } catch (java.time.format.DateTimeParseException e) {
            return text;
        }
    }
}
