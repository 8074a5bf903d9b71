package fi.askel.privacy;

import fi.askel.privacy.PersonalDataProvider.Line;
import io.quarkus.arc.All;
import java.util.Comparator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.askel.common.MailSender;
import fi.askel.common.ApiException;
import fi.askel.common.Messages;
import fi.askel.identity.AccountErasure;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.identity.User;
import fi.askel.privacy.PrivacyViews.ErasureItem;
import fi.askel.privacy.PrivacyViews.ErasureView;
import io.quarkus.mailer.Mail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Erasure: a client asks, an admin processes (or the retention job, for an account unused for too long).
 * What may go is erased or anonymised; the rehabilitation records and the evidence of consents stay,
 * because the law on client documents requires them (README.md, "Privacy"). The result lists both.
 */
@ApplicationScoped
public class ErasureService {

    private final List<PersonalDataProvider> providers;
    private final AccountErasure accounts;
    private final Messages messages;
    private final MailSender mailer;
    private final ObjectMapper json;
    private final EntityManager em;

    public ErasureService(@All List<PersonalDataProvider> providers, AccountErasure accounts, Messages messages, MailSender mailer,
            ObjectMapper json, EntityManager em) {
        this.providers = providers.stream().sorted(Comparator.comparingInt(PersonalDataProvider::exportOrder)).toList();
        this.accounts = accounts;
        this.messages = messages;
        this.mailer = mailer;
        this.json = json;
        this.em = em;
    }

    @Transactional
    public ErasureView request(Caller client, String reason, String lang) {
        if (client.role() != Role.CLIENT) {
            throw ApiException.forbidden("privacy.client-only");
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > 2000) {
            throw ApiException.invalid("reason", "privacy.erasure.reason.too-long", 2000);
        }
        if (ErasureRequest.findOpenByUser(client.id()).isPresent()) {
            throw ApiException.conflict("erasure-already-requested", "privacy.erasure.already");
        }
        ErasureRequest r = new ErasureRequest();
        r.userId = client.id();
        r.origin = ErasureRequest.BY_CLIENT;
        r.reason = why;
        r.requestedAt = Instant.now();
        r.persist();
        return view(r, User.findById(client.id()), lang);
    }

    @Transactional
    public ErasureView latestOf(long userId, String lang) {
        return ErasureRequest.findLatestByUser(userId).map(r -> view(r, null, lang)).orElse(null);
    }

    /** Requests for the admin: open ones first. Names come with one query. */
    @Transactional
    public List<ErasureView> list(String lang) {
        List<ErasureRequest> requests = ErasureRequest.listForAdmin(200);
        Map<Long, User> users = User.byIds(requests.stream().map(r -> r.userId).toList());
        return requests.stream().map(r -> view(r, users.get(r.userId), lang)).toList();
    }

    /** The admin processes a client's request: the erasure runs and its result is stored and returned. */
    @Transactional
    public ErasureView process(Caller admin, long requestId, String lang) {
        if (admin.role() != Role.ADMIN) {
            throw ApiException.notFound("erasure-request");
        }
        ErasureRequest r = ErasureRequest.findById(requestId);
        if (r == null) {
            throw ApiException.notFound("erasure-request");
        }
        if (r.processedAt != null) {
            throw ApiException.conflict("erasure-already-processed", "privacy.erasure.processed-already");
        }
        erase(r, admin.id());
        return view(r, User.findById(r.userId), lang);
    }

    /** Erases an unused account (retention job): recorded like a request, processed at once. */
    @Transactional
    public void eraseInactive(long userId) {
        ErasureRequest r = new ErasureRequest();
        r.userId = userId;
        r.origin = ErasureRequest.BY_INACTIVITY;
        r.requestedAt = Instant.now();
        r.persist();
        erase(r, null);
    }

    /** What an erasure does, before it is done (shown to the client who is about to ask). */
    public List<ErasureItem> plan(String lang, String action) {
        List<Line> lines = "ERASED".equals(action)
                ? List.of(Line.erased("contact-details", -1), Line.erased("peer-posts", -1),
                        Line.erased("peer-pseudonyms", -1), Line.erased("notifications", -1),
                        Line.erased("sign-in-details", -1))
                : List.of(Line.kept("rehabilitation-records", -1), Line.kept("video-appointments", -1), Line.kept("name", -1),
                        Line.kept("consent-history", -1));
        return lines.stream().map(l -> item(l, lang)).toList();
    }

    private void erase(ErasureRequest r, Long processedBy) {
        User user = User.findById(r.userId);
        String email = user.email;
        String lang = user.locale;
        // Records some feature must keep by law name the person they concern: then the name stays.
        boolean keepName = providers.stream().mapToLong(p -> p.recordsKept(r.userId)).sum() > 0;
        List<Line> fromFeatures = new ArrayList<>();
        providers.forEach(p -> fromFeatures.addAll(p.erase(r.userId)));
        accounts.anonymise(r.userId, keepName);
        List<Line> lines = new ArrayList<>();
        lines.add(Line.erased("contact-details", 1));
        if (!keepName) {
            lines.add(Line.erased("name", 1));
        }
        lines.add(Line.erased("sign-in-details", 1));
        fromFeatures.stream().filter(l -> "ERASED".equals(l.action())).forEach(lines::add);
        if (keepName) {
            lines.add(Line.kept("name", 1));
        }
        fromFeatures.stream().filter(l -> "KEPT".equals(l.action())).forEach(lines::add);
        r.processedAt = Instant.now();
        r.processedBy = processedBy;
        try {
            r.result = json.writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (email != null) {
            // The account is closed now; the email is the person's copy of what was done.
            mailer.send(Mail.withText(email, messages.get(lang, "privacy.erasure.mail.subject"), mailText(lines, lang)));
        }
    }

    private String mailText(List<Line> lines, String lang) {
        StringBuilder text = new StringBuilder(messages.get(lang, "privacy.erasure.mail.intro")).append("\n\n");
        text.append(messages.get(lang, "privacy.erasure.erased")).append(":\n");
        lines.stream().filter(l -> "ERASED".equals(l.action())).map(l -> item(l, lang))
                .forEach(i -> text.append("• ").append(i.label()).append(" – ").append(i.why()).append("\n"));
        text.append("\n").append(messages.get(lang, "privacy.erasure.kept")).append(":\n");
        lines.stream().filter(l -> "KEPT".equals(l.action())).map(l -> item(l, lang))
                .forEach(i -> text.append("• ").append(i.label()).append(" – ").append(i.why()).append("\n"));
        return text.append("\n").append(messages.get(lang, "privacy.erasure.mail.dpo")).append("\n").toString();
    }

    private ErasureView view(ErasureRequest r, User user, String lang) {
        List<Line> lines = List.of();
        if (r.result != null) {
            try {
                lines = json.readValue(r.result, new TypeReference<List<Line>>() {});
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        List<ErasureItem> items = lines.stream().map(l -> item(l, lang)).toList();
        return new ErasureView(r.id, r.userId, user == null ? null : user.username, user == null ? null : user.displayName,
                r.origin, r.reason, r.requestedAt, r.processedAt,
                r.processedAt == null ? null : items.stream().filter(i -> "ERASED".equals(i.action())).toList(),
                r.processedAt == null ? null : items.stream().filter(i -> "KEPT".equals(i.action())).toList());
    }

    private ErasureItem item(Line l, String lang) {
        String action = "ERASED".equals(l.action()) ? "erased" : "kept";
        return new ErasureItem(l.item(), l.action(), l.count(), messages.get(lang, "privacy.erasure.item." + l.item()),
                messages.get(lang, "privacy.erasure.why." + action + "." + l.item()));
    }
}
