package fi.askel.rehab.measures;

import fi.askel.common.ApiException;
import fi.askel.common.ApiException.FieldError;
import fi.askel.content.Module;
import fi.askel.content.ModuleCatalog;
import fi.askel.content.steps.QuestionnaireStep;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.identity.User;
import fi.askel.rehab.PeriodService;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The start and end measures of each course (a period's service type): which questionnaire modules every client of
 * the course answers at its start and at its end. The provider's admin sets them; every save is kept with who made
 * it. {@link MeasureAssigner} gives them to clients.
 */
@ApplicationScoped
public class CourseMeasures {

    /** More than this many per end would crowd a client's first week. */
    static final int MAX_PER_END = 5;

    @TemplateData
    public record MeasureOption(String slug, String title) {}

    /** A course's measures now; {@code changedBy} null when nobody has set them. */
    @TemplateData
    public record CourseView(String serviceType, List<MeasureOption> start, List<MeasureOption> end, Instant changedAt,
            String changedBy) {

        /** Whether the module is a measure at that end ({@code start} or {@code end}). */
        public boolean has(String end, String slug) {
            return ("start".equals(end) ? start : this.end).stream().anyMatch(m -> m.slug().equals(slug));
        }
    }

    @TemplateData
    public record SettingsView(List<CourseView> courses, List<MeasureOption> options, List<CourseView> history) {}

    /** The modules of each end, by slug; both lists are required (empty: no measures at that end). */
    public record SetRequest(List<String> startModules, List<String> endModules) {}

    private final ModuleCatalog catalog;

    public CourseMeasures(ModuleCatalog catalog) {
        this.catalog = catalog;
    }

    /** Every course with its measures now, the modules that can be measures, and every change, newest first. */
    @Transactional
    public SettingsView settings(String lang) {
        List<CourseMeasureSetting> all = CourseMeasureSetting.listNewestFirst();
        Map<Long, User> people = User.byIds(all.stream().map(s -> s.changedBy).toList());
        Map<String, CourseView> current = new LinkedHashMap<>();
        PeriodService.SERVICE_TYPES.forEach(t -> current.put(t, new CourseView(t, List.of(), List.of(), null, null)));
        List<CourseView> history = new ArrayList<>();
        for (CourseMeasureSetting s : all) {
            User by = people.get(s.changedBy);
            CourseView view = new CourseView(s.serviceType, options(s.start(), lang), options(s.end(), lang), s.changedAt,
                    by == null ? "" : by.displayName);
            history.add(view);
            if (current.get(s.serviceType) != null && current.get(s.serviceType).changedAt() == null) {
                current.put(s.serviceType, view);
            }
        }
        List<MeasureOption> options = catalog.all().stream().filter(CourseMeasures::hasQuestionnaire)
                .map(m -> new MeasureOption(m.slug(), m.title().get(lang))).toList();
        return new SettingsView(List.copyOf(current.values()), options, history);
    }

    /** Sets a course's measures (admin only): every module must have a questionnaire step. Everything or nothing. */
    @Transactional
    public CourseView set(Caller caller, String serviceType, SetRequest req, String lang) {
        if (caller.role() != Role.ADMIN) {
            throw ApiException.forbidden("measures.admin-only");
        }
        List<FieldError> errors = new ArrayList<>();
        if (serviceType == null || !PeriodService.SERVICE_TYPES.contains(serviceType)) {
            errors.add(new FieldError("serviceType", "rehab.period.service-type-invalid", String.join(", ", PeriodService.SERVICE_TYPES)));
        }
        List<String> start = modules("startModules", req == null ? null : req.startModules(), errors);
        List<String> end = modules("endModules", req == null ? null : req.endModules(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        CourseMeasureSetting s = new CourseMeasureSetting();
        s.serviceType = serviceType;
        s.startModules = CourseMeasureSetting.join(start);
        s.endModules = CourseMeasureSetting.join(end);
        s.changedAt = Instant.now();
        s.changedBy = caller.id();
        s.persist();
        return new CourseView(serviceType, options(start, lang), options(end, lang), s.changedAt, caller.displayName());
    }

    private List<String> modules(String field, List<String> slugs, List<FieldError> errors) {
        if (slugs == null) {
            errors.add(new FieldError(field, "measures.error.required"));
            return List.of();
        }
        LinkedHashSet<String> chosen = new LinkedHashSet<>();
        for (String slug : slugs) {
            Optional<Module> module = slug == null ? Optional.empty() : catalog.find(slug.strip());
            if (module.isEmpty()) {
                errors.add(new FieldError(field, "measures.error.module-unknown", slug));
            } else if (!hasQuestionnaire(module.get())) {
                errors.add(new FieldError(field, "measures.error.no-questionnaire", module.get().slug()));
            } else {
                chosen.add(module.get().slug());
            }
        }
        if (chosen.size() > MAX_PER_END) {
            errors.add(new FieldError(field, "measures.error.too-many", MAX_PER_END));
        }
        return List.copyOf(chosen);
    }

    private List<MeasureOption> options(List<String> slugs, String lang) {
        return slugs.stream().map(slug -> new MeasureOption(slug,
                catalog.find(slug).map(m -> m.title().get(lang)).orElse(slug))).toList();
    }

    static boolean hasQuestionnaire(Module m) {
        return m.steps().stream().anyMatch(st -> st instanceof QuestionnaireStep);
    }
}
