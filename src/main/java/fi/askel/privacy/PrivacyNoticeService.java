package fi.askel.privacy;

import fi.askel.common.ApiException;
import fi.askel.common.ApiException.FieldError;
import fi.askel.identity.Caller;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The privacy notice: the first version comes from the shipped texts (or askel.privacy.notice-dir) on an
 * empty database; an admin publishes later versions. Publishing never edits a version, it adds one,
 * and every client then acknowledges the new one.
 */
@ApplicationScoped
public class PrivacyNoticeService {

    static final int MAX_CHARS = 100_000;

    public record PublishRequest(String fi, String sv, String en, String changeNote) {}

    private final PrivacyConfig config;
    private final EntityManager em;

    public PrivacyNoticeService(PrivacyConfig config, EntityManager em) {
        this.config = config;
        this.em = em;
    }

    void onStart(@Observes StartupEvent event) {
        ensureFirstVersion();
    }

    /** Adds version 1 when there is none; safe when several instances start at once (INSERT IGNORE). */
    @Transactional
    public void ensureFirstVersion() {
        if (PrivacyNotice.count() > 0) {
            return;
        }
        Map<String, String> texts = Map.of("fi", text("fi"), "sv", text("sv"), "en", text("en"));
        em.createNativeQuery("INSERT IGNORE INTO privacy_notice (version, body_fi, body_sv, body_en, published_at)"
                        + " VALUES (1, ?1, ?2, ?3, ?4)")
                .setParameter(1, texts.get("fi")).setParameter(2, texts.get("sv")).setParameter(3, texts.get("en"))
                .setParameter(4, Timestamp.from(Instant.now()))
                .executeUpdate();
    }

    @Transactional
    public PrivacyNotice current() {
        return PrivacyNotice.findCurrent().orElseGet(() -> {
            ensureFirstVersion();
            return PrivacyNotice.findCurrent().orElseThrow();
        });
    }

    /** The newest version number, in one indexed query (the gate asks on every client request). */
    @Transactional
    public int currentVersion() {
        Number max = (Number) em.createNativeQuery("SELECT MAX(version) FROM privacy_notice").getSingleResult();
        return max == null ? current().version : max.intValue();
    }

    @Transactional
    public List<PrivacyNotice> versions() {
        return PrivacyNotice.listNewestFirst();
    }

    @Transactional
    public PrivacyNotice publish(Caller admin, PublishRequest req) {
        if (req == null) {
            throw ApiException.invalid("body", "error.body.required");
        }
        List<FieldError> errors = new ArrayList<>();
        check("fi", req.fi(), errors);
        check("sv", req.sv(), errors);
        check("en", req.en(), errors);
        if (req.changeNote() != null && req.changeNote().strip().length() > 500) {
            errors.add(new FieldError("changeNote", "privacy.notice.note.too-long", 500));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        PrivacyNotice notice = new PrivacyNotice();
        notice.version = current().version + 1;
        notice.bodyFi = req.fi().strip();
        notice.bodySv = req.sv().strip();
        notice.bodyEn = req.en().strip();
        notice.changeNote = req.changeNote() == null || req.changeNote().isBlank() ? null : req.changeNote().strip();
        notice.publishedAt = Instant.now();
        notice.publishedBy = admin.id();
        notice.persist();
        return notice;
    }

    private static void check(String field, String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError(field, "privacy.notice.text.required"));
        } else if (text.length() > MAX_CHARS) {
            errors.add(new FieldError(field, "privacy.notice.text.too-long", MAX_CHARS));
        }
    }

    private String text(String lang) {
        String file = "notice." + lang + ".md";
        if (config.noticeDir().isPresent()) {
            Path path = config.noticeDir().get().resolve(file);
            try {
                return Files.readString(path, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException("askel.privacy.notice-dir: cannot read " + path + " (" + e.getMessage() + ")", e);
            }
        }
        try (InputStream in = PrivacyNoticeService.class.getClassLoader().getResourceAsStream("privacy/" + file)) {
            if (in == null) {
                throw new IllegalStateException("The shipped privacy notice privacy/" + file + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
