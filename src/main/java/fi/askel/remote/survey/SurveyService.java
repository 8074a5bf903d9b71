package fi.askel.remote.survey;

import fi.askel.common.Dates;
import fi.askel.common.ApiException;
import fi.askel.common.ApiException.FieldError;
import fi.askel.common.db.IdList;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.privacy.AccessKind;
import fi.askel.privacy.AccessLog;
import fi.askel.rehab.Period;
import fi.askel.rehab.RehabAccess;
import fi.askel.remote.survey.SurveyAnswer.Phase;
import fi.askel.remote.survey.SurveyAnswer.Problem;
import fi.askel.remote.survey.SurveyAnswer.Statement;
import fi.askel.remote.survey.SurveyViews.AnswerView;
import fi.askel.remote.survey.SurveyViews.SaveSurveyRequest;
import fi.askel.remote.survey.SurveyViews.SurveyView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Map;

/**
 * The client experience survey: asked at the mid-point of a period (half its length) and at its end
 * (its last seven days and after), answerable and editable until fourteen days after the period ends.
 * Answering is voluntary: "not now" hides the dashboard item for a week.
 */
@ApplicationScoped
public class SurveyService {

    static final ZoneId ZONE = Dates.ZONE;
    static final int EDITABLE_DAYS_AFTER_END = 14;
    static final int END_PHASE_DAYS = 7;
    static final Duration NOT_NOW = Duration.ofDays(7);
    static final int FREE_TEXT_MAX = 2000;

    private final RehabAccess access;
    private final AccessLog accessLog;
    private final Clock clock;

    public SurveyService(RehabAccess access, AccessLog accessLog, Clock clock) {
        this.access = access;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    static LocalDate opensOn(Period p, Phase phase) {
        return switch (phase) {
            case MIDPOINT -> p.startsOn.plusDays(ChronoUnit.DAYS.between(p.startsOn, p.endsOn) / 2);
            case END -> {
                LocalDate last = p.endsOn.minusDays(END_PHASE_DAYS - 1L);
                yield last.isBefore(p.startsOn) ? p.startsOn : last;
            }
        };
    }

    static LocalDate closesOn(Period p) {
        return p.endsOn.plusDays(EDITABLE_DAYS_AFTER_END);
    }

    static Phase phase(String text) {
        return Arrays.stream(Phase.values()).filter(p -> p.name().equalsIgnoreCase(text)).findFirst()
                .orElseThrow(() -> ApiException.notFound("survey"));
    }

    /** The client's own period, or 404. */
    private static Period ownPeriod(Caller caller, Long periodId) {
        Period p = periodId == null ? null : Period.findById(periodId);
        if (p == null || !p.clientId.equals(caller.id())) {
            throw ApiException.notFound("period");
        }
        return p;
    }

    @Transactional
    public SurveyView get(Caller caller, Long periodId, Phase phase) {
        return view(ownPeriod(caller, periodId), phase, today(), clock.instant());
    }

    SurveyView view(Period p, Phase phase, LocalDate today, Instant now) {
        SurveyAnswer a = SurveyAnswer.findByPeriodAndPhase(p.id, phase);
        return view(p, phase, today, now, a, a == null ? SurveyPostponement.findByPeriodAndPhase(p.id, phase) : null);
    }

    /** The survey of a period and phase, given its answer and postponement (either may be null). */
    private SurveyView view(Period p, Phase phase, LocalDate today, Instant now, SurveyAnswer a, SurveyPostponement later) {
        LocalDate opens = opensOn(p, phase);
        LocalDate closes = closesOn(p);
        boolean open = !today.isBefore(opens) && !today.isAfter(closes);
        boolean replacedByEnd = phase == Phase.MIDPOINT && !today.isBefore(opensOn(p, Phase.END));
        boolean due = open && a == null && !replacedByEnd && (later == null || !later.hiddenUntil.isAfter(now));
        return new SurveyView(p.id, phase, opens, closes, open, due, a == null ? null : AnswerView.of(a, true));
    }

    /** The surveys due on the client's dashboard now. */
    @Transactional
    public List<SurveyView> due(Caller caller) {
        LocalDate today = today();
        Instant now = clock.instant();
        List<SurveyView> due = new ArrayList<>();
        // At most three queries however many periods: the periods (with their specialists), their answers and postponements.
        List<Period> periods = Period.<Period>find("select p from Period p left join fetch p.specialistIds"
                + " where p.clientId = ?1 and p.endsOn >= ?2 order by p.startsOn", caller.id(),
                today.minusDays(EDITABLE_DAYS_AFTER_END)).list();
        if (periods.isEmpty()) {
            return due;
        }
        // Answers and postponements matter only while a survey is open, which is a few weeks of a period: none asked otherwise.
        List<Long> ids = periods.stream().filter(p -> !today.isAfter(closesOn(p))
                        && (!today.isBefore(opensOn(p, Phase.MIDPOINT)) || !today.isBefore(opensOn(p, Phase.END))))
                .map(p -> p.id).toList();
        IdList in = ids.isEmpty() ? null : IdList.of(ids, 1);
        Map<String, SurveyAnswer> answers = in == null ? Map.of() : SurveyAnswer.<SurveyAnswer>list(in.in("periodId"), in.after())
                .stream().collect(Collectors.toMap(a -> a.periodId + "/" + a.phase, a -> a, (x, y) -> x));
        Map<String, SurveyPostponement> postponed = in == null ? Map.of()
                : SurveyPostponement.<SurveyPostponement>list(in.in("periodId"), in.after()).stream()
                        .collect(Collectors.toMap(l -> l.periodId + "/" + l.phase, l -> l, (x, y) -> x));
        for (Period p : periods) {
            for (Phase phase : Phase.values()) {
                SurveyAnswer a = answers.get(p.id + "/" + phase);
                SurveyView v = view(p, phase, today, now, a, a == null ? postponed.get(p.id + "/" + phase) : null);
                if (v.due()) {
                    due.add(v);
                }
            }
        }
        return due;
    }

    @Transactional
    public SurveyView save(Caller caller, Long periodId, Phase phase, SaveSurveyRequest req) {
        Period p = ownPeriod(caller, periodId);
        LocalDate today = today();
        if (today.isBefore(opensOn(p, phase))) {
            throw ApiException.conflict("survey-not-open", "survey.error.not-open", opensOn(p, phase));
        }
        if (today.isAfter(closesOn(p))) {
            throw ApiException.conflict("survey-closed", "survey.error.closed");
        }
        validate(req);
        Instant now = clock.instant();
        SurveyAnswer a = SurveyAnswer.findByPeriodAndPhase(p.id, phase);
        if (a == null) {
            a = new SurveyAnswer();
            a.clientId = p.clientId;
            a.periodId = p.id;
            a.phase = phase;
            a.serviceType = p.serviceType;
            a.answeredAt = now;
        }
        a.scores(req.scores());
        a.technical = req.technical();
        a.problems(req.technical() == SurveyAnswer.Technical.NONE || req.problems() == null ? List.of() : req.problems());
        a.freeText = req.freeText() == null || req.freeText().isBlank() ? null : req.freeText().strip();
        a.updatedAt = now;
        if (a.id == null) {
            a.persist();
        }
        SurveyPostponement.delete("periodId = ?1 and phase = ?2", p.id, phase);
        return view(p, phase, today, now);
    }

    /** "Not now": hides the dashboard item for a week; the survey stays answerable meanwhile. */
    @Transactional
    public SurveyView later(Caller caller, Long periodId, Phase phase) {
        Period p = ownPeriod(caller, periodId);
        SurveyPostponement later = SurveyPostponement.findByPeriodAndPhase(p.id, phase);
        if (later == null) {
            later = new SurveyPostponement();
            later.periodId = p.id;
            later.phase = phase;
            later.clientId = p.clientId;
        }
        later.hiddenUntil = clock.instant().plus(NOT_NOW);
        later.persist();
        return view(p, phase, today(), clock.instant());
    }

    private static void validate(SaveSurveyRequest req) {
        List<FieldError> errors = new ArrayList<>();
        Map<Statement, Integer> scores = req == null || req.scores() == null ? Map.of() : req.scores();
        for (Statement s : Statement.values()) {
            Integer v = scores.get(s);
            if (v == null || v < 1 || v > 5) {
                errors.add(new FieldError(s.name(), "survey.error.score"));
            }
        }
        if (req == null || req.technical() == null) {
            errors.add(new FieldError("technical", "survey.error.technical"));
        } else if (req.technical() != SurveyAnswer.Technical.NONE && (req.problems() == null || req.problems().isEmpty()
                || req.problems().contains(null))) {
            errors.add(new FieldError("problems", "survey.error.problems"));
        }
        if (req != null && req.freeText() != null && req.freeText().length() > FREE_TEXT_MAX) {
            errors.add(new FieldError("freeText", "survey.error.free-text.long", FREE_TEXT_MAX));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    /**
     * A client's answers for staff. A specialist sees the answers of the periods they are responsible for,
     * free texts included; an admin sees the scores without the free texts, which are for the client's own
     * specialists only.
     */
    @Transactional
    public List<AnswerView> forClient(Caller caller, Long clientId) {
        access.requireClient(caller, clientId);
        access.requireStaffFor(caller, clientId);
        accessLog.record(caller, clientId, AccessKind.SURVEYS_READ);
        List<SurveyAnswer> answers = SurveyAnswer.listByClient(clientId);
        if (caller.role() == Role.ADMIN) {
            return answers.stream().map(a -> AnswerView.of(a, false)).toList();
        }
        List<Long> own = Period.<Period>list("clientId", clientId).stream()
                .filter(p -> p.specialistIds.contains(caller.id())).map(p -> p.id).toList();
        return answers.stream().filter(a -> own.contains(a.periodId)).map(a -> AnswerView.of(a, true)).toList();
    }
}
