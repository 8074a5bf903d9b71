package fi.askel.remote.readiness;

import fi.askel.common.Dates;
import fi.askel.common.ApiException;
import fi.askel.common.ApiException.FieldError;
import fi.askel.common.Messages;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.identity.User;
import fi.askel.remote.readiness.ReadinessViews.ItemDetail;
import fi.askel.remote.readiness.ReadinessViews.ItemView;
import fi.askel.remote.readiness.ReadinessViews.OwnerOption;
import fi.askel.remote.readiness.ReadinessViews.ReviewView;
import fi.askel.remote.readiness.ReadinessViews.SaveItemRequest;
import fi.askel.remote.readiness.ReadinessViews.Status;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The readiness checklist: Kela's conditions for remote rehabilitation (seeded once), the provider's own
 * items, and every review kept as history. An item is overdue once its next review date has passed.
 */
@ApplicationScoped
public class ReadinessService {

    /**
     * Kela's conditions, in the guidance's order, then the one duty of the platform's operator that only a person
     * can show: that a backup was restored on a test server (OPERATIONS.md, "Restore"). Texts are
     * {@code readiness.item.<code>.*}; a code added later is seeded at the next start, due that day.
     */
    static final List<String> STANDARD = List.of("private-spaces", "data-security", "support-provider", "support-clients",
            "emergency-instructions", "technical-instructions", "insurance", "restore-test");
    /** The item the platform's own evidence (TLS, second factor, access log, backups) belongs to. */
    static final String SECURITY_ITEM = "data-security";
    static final ZoneId ZONE = Dates.ZONE;
    static final int MAX_TITLE = 200;
    static final int MAX_EVIDENCE = 4000;
    /** A review date further ahead than this is a typing mistake, not a plan. */
    static final int MAX_YEARS_AHEAD = 3;

    private final EntityManager em;
    private final Messages messages;
    private final ReadinessConfig config;

    public ReadinessService(EntityManager em, Messages messages, ReadinessConfig config) {
        this.em = em;
        this.messages = messages;
        this.config = config;
    }

    void onStart(@Observes @Priority(20) StartupEvent event) {
        seedStandardItems(today());
    }

    /**
     * Adds the standard items that are missing, due for their first review on the day they appear. Safe on
     * several instances starting at once: the code is unique and a second insert is ignored.
     */
    @Transactional
    public void seedStandardItems(LocalDate today) {
        Instant now = Instant.now();
        for (int i = 0; i < STANDARD.size(); i++) {
            em.createNativeQuery("INSERT IGNORE INTO readiness_item (code, position, next_review_on, created_at, updated_at) "
                            + "VALUES (?1, ?2, ?3, ?4, ?4)")
                    .setParameter(1, STANDARD.get(i)).setParameter(2, (i + 1) * 10)
                    .setParameter(3, java.sql.Date.valueOf(today)).setParameter(4, Timestamp.from(now))
                    .executeUpdate();
        }
    }

    public static LocalDate today() {
        return Dates.today();
    }

    @Transactional
    public List<ItemView> items(String lang, LocalDate today) {
        List<ReadinessItem> items = ReadinessItem.listOrdered();
        Map<Long, User> owners = users(items.stream().map(i -> i.ownerId).toList());
        return items.stream().map(i -> view(i, lang, today, owners)).toList();
    }

    @Transactional
    public Optional<ItemDetail> detail(long id, String lang, LocalDate today) {
        return ReadinessItem.<ReadinessItem>findByIdOptional(id).map(item -> {
            List<ReadinessReview> reviews = ReadinessReview.listByItem(id);
            List<Long> ids = new ArrayList<>();
            ids.add(item.ownerId);
            reviews.forEach(r -> {
                ids.add(r.ownerId);
                ids.add(r.recordedBy);
            });
            Map<Long, User> people = users(ids);
            List<ReviewView> history = reviews.stream().map(r -> new ReviewView(r.recordedAt, name(people, r.recordedBy),
                    name(people, r.ownerId), r.evidence, r.lastReviewedOn, r.nextReviewOn)).toList();
            return new ItemDetail(view(item, lang, today, people), history);
        });
    }

    /** Titles of the overdue items, for the admin's dashboard and the daily email. */
    @Transactional
    public List<ItemView> overdue(String lang, LocalDate today) {
        return ReadinessItem.listOverdue(today).stream().map(i -> view(i, lang, today, Map.of())).toList();
    }

    /** Staff who may own an item: active specialists and admins, by name. */
    @Transactional
    public List<OwnerOption> owners() {
        return User.<User>list("active = true and role in ?1 order by displayName, id", List.of(Role.SPECIALIST, Role.ADMIN))
                .stream().map(u -> new OwnerOption(u.id, u.displayName)).toList();
    }

    /** Adds an item of the provider's own. */
    @Transactional
    public ItemView create(Caller admin, SaveItemRequest req, String lang) {
        LocalDate today = today();
        validate(req, false, today);
        Instant now = Instant.now();
        ReadinessItem item = new ReadinessItem();
        item.title = req.title().strip();
        Integer last = em.createQuery("select max(i.position) from ReadinessItem i", Integer.class).getSingleResult();
        item.position = (last == null ? 0 : last) + 10;
        item.createdAt = now;
        apply(item, req, admin, now);
        item.persist();
        ReadinessReview.of(item, admin.id(), now).persist();
        return view(item, lang, today, users(List.of(item.ownerId)));
    }

    /** Records a review of an item (owner, evidence, dates); the previous state stays in the history. */
    @Transactional
    public ItemView update(Caller admin, long id, SaveItemRequest req, String lang) {
        ReadinessItem item = ReadinessItem.<ReadinessItem>findByIdOptional(id)
                .orElseThrow(() -> ApiException.notFound("readiness-item"));
        LocalDate today = today();
        validate(req, item.isStandard(), today);
        Instant now = Instant.now();
        if (!item.isStandard()) {
            item.title = req.title().strip();
        }
        apply(item, req, admin, now);
        ReadinessReview.of(item, admin.id(), now).persist();
        return view(item, lang, today, users(List.of(item.ownerId)));
    }

    private static void apply(ReadinessItem item, SaveItemRequest req, Caller admin, Instant now) {
        item.ownerId = req.ownerId();
        item.evidence = blankToNull(req.evidence());
        item.lastReviewedOn = req.lastReviewedOn();
        item.nextReviewOn = req.nextReviewOn();
        item.updatedAt = now;
        item.updatedBy = admin.id();
    }

    /** Every problem at once, each naming its field; nothing is saved when there is one. */
    private void validate(SaveItemRequest req, boolean standard, LocalDate today) {
        if (req == null) {
            throw ApiException.invalid("body", "error.body.required");
        }
        List<FieldError> errors = new ArrayList<>();
        String title = req.title() == null ? "" : req.title().strip();
        if (standard && !title.isEmpty()) {
            errors.add(new FieldError("title", "readiness.error.title.standard"));
        } else if (!standard && title.isEmpty()) {
            errors.add(new FieldError("title", "readiness.error.title.required"));
        } else if (title.length() > MAX_TITLE) {
            errors.add(new FieldError("title", "readiness.error.too-long", MAX_TITLE));
        }
        if (req.ownerId() == null) {
            errors.add(new FieldError("ownerId", "readiness.error.owner.required"));
        } else {
            User owner = User.findById(req.ownerId());
            if (owner == null || !owner.active || owner.role == Role.CLIENT) {
                errors.add(new FieldError("ownerId", "readiness.error.owner.not-staff"));
            }
        }
        if (req.evidence() != null && req.evidence().length() > MAX_EVIDENCE) {
            errors.add(new FieldError("evidence", "readiness.error.too-long", MAX_EVIDENCE));
        }
        if (req.lastReviewedOn() != null && req.lastReviewedOn().isAfter(today)) {
            errors.add(new FieldError("lastReviewedOn", "readiness.error.reviewed.future"));
        }
        if (req.nextReviewOn() == null) {
            errors.add(new FieldError("nextReviewOn", "readiness.error.next.required"));
        } else if (req.lastReviewedOn() != null && !req.nextReviewOn().isAfter(req.lastReviewedOn())) {
            errors.add(new FieldError("nextReviewOn", "readiness.error.next.not-after-review"));
        } else if (req.nextReviewOn().isAfter(today.plusYears(MAX_YEARS_AHEAD))) {
            errors.add(new FieldError("nextReviewOn", "readiness.error.next.too-far", MAX_YEARS_AHEAD));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private ItemView view(ReadinessItem item, String lang, LocalDate today, Map<Long, User> people) {
        boolean overdue = item.isOverdue(today);
        Status status = overdue ? Status.OVERDUE
                : item.nextReviewOn.isAfter(today.plusDays(config.dueSoonDays())) ? Status.OK : Status.DUE_SOON;
        String title = item.isStandard() ? messages.get(lang, "readiness.item." + item.code + ".title") : item.title;
        String explanation = item.isStandard() ? messages.get(lang, "readiness.item." + item.code + ".hint") : null;
        return new ItemView(item.id, item.code, item.isStandard(), title, explanation, item.ownerId,
                item.ownerId == null ? null : name(people, item.ownerId), item.evidence, item.lastReviewedOn,
                item.nextReviewOn, status, overdue);
    }

    private static Map<Long, User> users(Collection<Long> ids) {
        return User.byIds(ids);
    }

    private static String name(Map<Long, User> people, Long id) {
        User u = id == null ? null : people.get(id);
        return u == null ? null : u.displayName;
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip().replace("\r\n", "\n");
    }
}
