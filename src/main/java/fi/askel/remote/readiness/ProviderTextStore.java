package fi.askel.remote.readiness;

import fi.askel.common.ApiException;
import fi.askel.common.ApiException.FieldError;
import fi.askel.common.Messages;
import fi.askel.common.web.AccessibilityStatement;
import fi.askel.common.web.ProviderConfig;
import fi.askel.common.web.ProviderTexts;
import fi.askel.identity.Caller;
import fi.askel.remote.readiness.ReadinessViews.TextsRequest;
import fi.askel.remote.readiness.ReadinessViews.TextsView;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The support contacts and the emergency and technical-problem instructions the admin saves per language,
 * which every page's footer, the help pages and the call page show instead of the configured ones.
 *
 * <p>Pages read them from memory, so a page costs no query. The instance that saves updates its memory
 * once the transaction has committed; every instance also reads the table again every
 * {@code askel.readiness.texts-refresh} (60 s), so behind a load balancer another instance may show the
 * old text for up to that long. A read that raced with a save is thrown away rather than let it put the
 * old text back.
 */
@ApplicationScoped
public class ProviderTextStore implements ProviderTexts {

    static final int MAX_INSTRUCTIONS = 4000;
    static final int MAX_HOURS = 200;
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{4,29}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** Fired inside the saving transaction; applied to memory only after it commits. */
    record Saved(String lang, Map<Field, String> texts) {}

    private final EntityManager em;
    private final ProviderConfig provider;
    private final Messages messages;
    private final AccessibilityStatement statement;
    private final Event<Saved> saved;
    private final Object lock = new Object();
    /** Key: field + "/" + lang. Replaced whole, never changed in place. */
    private volatile Map<String, String> texts = Map.of();
    private long changes;

    public ProviderTextStore(EntityManager em, ProviderConfig provider, Messages messages, AccessibilityStatement statement,
            Event<Saved> saved) {
        this.em = em;
        this.statement = statement;
        this.provider = provider;
        this.messages = messages;
        this.saved = saved;
    }

    @Override
    public Optional<String> saved(Field field, String lang) {
        return Optional.ofNullable(texts.get(key(field, lang)));
    }

    void onStart(@Observes StartupEvent event) {
        refresh();
    }

    /** Reads every saved text again (other instances' saves arrive this way). */
    @Scheduled(every = "{askel.readiness.texts-refresh}", delayed = "{askel.readiness.texts-refresh}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        long seen;
        synchronized (lock) {
            seen = changes;
        }
        Map<String, String> read = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            List<?> rows = em.createNativeQuery("SELECT field, lang, body FROM readiness_text").getResultList();
            for (Object row : rows) {
                Object[] r = (Object[]) row;
                read.put(r[0] + "/" + r[1], (String) r[2]);
            }
        });
        synchronized (lock) {
            if (changes == seen) {
                texts = Map.copyOf(read);
            }
        }
    }

    void afterSave(@Observes(during = TransactionPhase.AFTER_SUCCESS) Saved event) {
        synchronized (lock) {
            Map<String, String> next = new HashMap<>(texts);
            for (Field field : Field.values()) {
                String text = event.texts().get(field);
                for (String lang : languages(field, event.lang())) {
                    if (text == null) {
                        next.remove(key(field, lang));
                    } else {
                        next.put(key(field, lang), text);
                    }
                }
            }
            texts = Map.copyOf(next);
            changes++;
        }
    }

    /** One language's texts as saved, the defaults behind them and what clients see now. */
    @Transactional
    public TextsView view(String lang) {
        checkLanguage(lang);
        Map<Field, String> stored = new EnumMap<>(Field.class);
        List<?> rows = em.createNativeQuery("SELECT field, body FROM readiness_text WHERE lang = ?1")
                .setParameter(1, lang).getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            stored.put(Field.valueOf((String) r[0]), (String) r[1]);
        }
        TextsRequest defaults = defaults(lang);
        Map<Field, String> shown = new EnumMap<>(Field.class);
        for (Field field : Field.values()) {
            String text = stored.containsKey(field) ? stored.get(field) : defaults.get(field);
            if (text != null) {
                shown.put(field, text);
            }
        }
        TextsRequest savedTexts = TextsRequest.of(stored);
        return new TextsView(lang, savedTexts, defaults, TextsRequest.of(shown));
    }

    /** Saves one language's texts; a blank field goes back to its default. Everything or nothing. */
    @Transactional
    public TextsView save(Caller admin, String lang, TextsRequest req) {
        checkLanguage(lang);
        if (req == null) {
            throw ApiException.invalid("body", "error.body.required");
        }
        Map<Field, String> next = new EnumMap<>(Field.class);
        for (Field field : Field.values()) {
            String clean = ReadinessService.blankToNull(req.get(field));
            if (clean != null) {
                next.put(field, clean);
            }
        }
        validate(next);
        Timestamp now = Timestamp.from(Instant.now());
        for (Field field : Field.values()) {
            String text = next.get(field);
            for (String to : languages(field, lang)) {
                store(admin, field, to, text, now);
            }
        }
        saved.fire(new Saved(lang, next));
        return view(lang);
    }

    private void store(Caller admin, Field field, String lang, String text, Timestamp now) {
        if (text == null) {
            em.createNativeQuery("DELETE FROM readiness_text WHERE field = ?1 AND lang = ?2")
                    .setParameter(1, field.name()).setParameter(2, lang).executeUpdate();
        } else {
            em.createNativeQuery("INSERT INTO readiness_text (field, lang, body, updated_at, updated_by) "
                            + "VALUES (?1, ?2, ?3, ?4, ?5) ON DUPLICATE KEY UPDATE body = VALUES(body), "
                            + "updated_at = VALUES(updated_at), updated_by = VALUES(updated_by)")
                    .setParameter(1, field.name()).setParameter(2, lang).setParameter(3, text)
                    .setParameter(4, now).setParameter(5, admin.id()).executeUpdate();
        }
    }

    private static void validate(Map<Field, String> next) {
        List<FieldError> errors = new ArrayList<>();
        String phone = next.get(Field.SUPPORT_PHONE);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            errors.add(new FieldError("supportPhone", "readiness.error.phone"));
        }
        String email = next.get(Field.SUPPORT_EMAIL);
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            errors.add(new FieldError("supportEmail", "readiness.error.email"));
        }
        String hours = next.get(Field.SUPPORT_HOURS);
        if (hours != null && hours.length() > MAX_HOURS) {
            errors.add(new FieldError("supportHours", "readiness.error.too-long", MAX_HOURS));
        }
        for (Field field : List.of(Field.EMERGENCY_INSTRUCTIONS, Field.TECHNICAL_INSTRUCTIONS, Field.ACCESSIBILITY_GAPS,
                Field.A11Y_METHOD)) {
            String text = next.get(field);
            if (text != null && text.length() > MAX_INSTRUCTIONS) {
                errors.add(new FieldError(TextsRequest.name(field), "readiness.error.too-long", MAX_INSTRUCTIONS));
            }
        }
        StatementRules.check(next, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    /** What clients see when nothing is saved: the configuration, else the bundles' texts. */
    TextsRequest defaults(String lang) {
        Map<Field, String> d = new EnumMap<>(Field.class);
        d.put(Field.SUPPORT_PHONE, provider.supportPhone());
        d.put(Field.SUPPORT_EMAIL, provider.supportEmail());
        d.put(Field.SUPPORT_HOURS, provider.supportHours().getOrDefault(lang, messages.get(lang, "support.hours.default")));
        d.put(Field.EMERGENCY_INSTRUCTIONS,
                provider.emergencyInstructions().getOrDefault(lang, messages.get(lang, "help.emergency.default")));
        d.put(Field.TECHNICAL_INSTRUCTIONS,
                provider.technicalInstructions().getOrDefault(lang, messages.get(lang, "help.technical.default")));
        for (Field field : Field.values()) {
            String text = statement.defaultText(field, lang);
            if (text != null) {
                d.put(field, text);
            }
        }
        return TextsRequest.of(d);
    }

    /** The languages a field saved on one language's page goes to: a shared one to all. */
    private static List<String> languages(Field field, String lang) {
        return field.shared() ? Messages.LANGUAGES : List.of(lang);
    }

    static void checkLanguage(String lang) {
        if (Messages.language(lang) == null) {
            throw ApiException.notFound("readiness-language");
        }
    }

    private static String key(Field field, String lang) {
        return field + "/" + lang;
    }
}
