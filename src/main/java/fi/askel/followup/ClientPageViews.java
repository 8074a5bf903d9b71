package fi.askel.followup;

import fi.askel.common.Messages;
import fi.askel.content.ModuleViews.ModuleSummaryView;
import fi.askel.identity.Caller;
import fi.askel.identity.User;
import fi.askel.rehab.AssignmentStatus;
import fi.askel.rehab.AssignmentViews.AssignmentView;
import fi.askel.rehab.GasRating.Phase;
import fi.askel.rehab.GoalService;
import fi.askel.rehab.GoalService.GoalView;
import fi.askel.rehab.PeriodView;
import io.quarkus.qute.TemplateData;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Periods and goals as the client's page and the summary show them. */
final class ClientPageViews {

    /** A period as its table row shows it; {@code suitability} is filled in by the client's page (null elsewhere). */
    @TemplateData
    public record PeriodRow(Long id, String serviceType, LocalDate startsOn, LocalDate endsOn, boolean current,
            String specialists, fi.askel.rehab.RemoteWorkGate.Status suitability) {

        PeriodRow with(fi.askel.rehab.RemoteWorkGate.Status status) {
            return new PeriodRow(id, serviceType, startsOn, endsOn, current, specialists, status);
        }
    }

    /** A GAS level (−2..+2; {@code key} as the form sends it) and what it means for this goal. */
    @TemplateData
    public record Level(int value, String key, String signed, String text) {}

    /** A phase's rating of a goal: the level reached and what it means, or nothing yet. */
    @TemplateData
    public record Rating(String phase, Integer score, String signed, String text, boolean selfRateable, Integer selfScore,
            String selfSigned, String selfText) {

        /** Whether the phase is rated; a rating of 0 is a rating (and falsy in a template). */
        public boolean rated() {
            return score != null;
        }

        /** Whether the client has rated the phase themselves (midpoint and end only). */
        public boolean selfRated() {
            return selfScore != null;
        }
    }

    /** One choice of a select: what the form sends, what the person reads, and whether it is chosen now. */
    @TemplateData
    public record Option(String value, String label, boolean selected) {}

    /**
     * A goal with its levels and ratings; {@code form} names its rating form, whose phase and level choices are
     * {@code phaseOptions} (the first unrated phase chosen, or what a refused form sent) and {@code scoreOptions}.
     * The choices are made here, not in the template, so that its loops read only their own element; so are a refused
     * rating's errors ({@code formError} for the whole form, the others per field; null when there is none).
     */
    @TemplateData
    public record GoalRow(Long id, String title, int weight, List<Level> levels, List<Rating> ratings, String form,
            List<Option> phaseOptions, List<Option> scoreOptions, String formError, String phaseError, String scoreError) {}

    /** A module of the programme form: its checkbox, its length in the page's language, and whether a refused form chose it. */
    @TemplateData
    public record ModuleChoice(String slug, String title, String minutes, boolean chosen) {}

    /** A text field of the new-goal form: its name, label, what a refused form sent and what was wrong with it (or null). */
    @TemplateData
    public record TextField(String name, String label, String value, String error) {}

    /**
     * An assignment as its table row shows it, its texts made here in the page's language: a row's seven calls with
     * arguments cost the template more than the rest of the row. {@code answers} names the answers link (to review or
     * only to read them), null before the client starts.
     */
    @TemplateData
    public record AssignmentRow(Long id, String title, String status, String progress, String due, String lastActivity,
            String answers, boolean adapted) {}

    private ClientPageViews() {}

    /** The periods as rows, with their specialists' names ({@link User#displayNames}: the reader's own without a query). */
    static List<PeriodRow> periods(List<PeriodView> periods, LocalDate today, Caller reader) {
        Map<Long, String> names = User.displayNames(periods.stream().flatMap(p -> p.specialistIds().stream()).toList(), reader);
        return periods.stream().map(p -> new PeriodRow(p.id(), p.serviceType(), p.startsOn(), p.endsOn(),
                !today.isBefore(p.startsOn()) && !today.isAfter(p.endsOn()),
                p.specialistIds().stream().map(id -> names.getOrDefault(id, "")).sorted().collect(Collectors.joining(", ")), null))
                .toList();
    }

    static List<GoalRow> goals(List<GoalView> goals, Messages messages, String lang) {
        return goals(goals, messages, lang, FormState.none());
    }

    /** The goals with their rating forms as {@code state} left them (a refused rating keeps what was sent). */
    static List<GoalRow> goals(List<GoalView> goals, Messages messages, String lang, FormState state) {
        Formats fmt = new Formats(lang);
        return goals.stream().map(g -> {
            List<Level> levels = GoalService.LEVELS.stream()
                    .map(l -> new Level(Integer.parseInt(l), l, fmt.signed(Integer.parseInt(l)), g.levels().get(l))).toList();
            List<Rating> ratings = java.util.Arrays.stream(Phase.values()).map(phase -> {
                Integer score = g.ratings().get(phase);
                Integer own = g.selfRatings().get(phase);
                return new Rating(messages.get(lang, "phase." + phase.name()), score, fmt.signed(score),
                        score == null ? "" : g.levels().get(String.valueOf(score)), phase != Phase.BASELINE, own, fmt.signed(own),
                        own == null ? "" : g.levels().get(String.valueOf(own)));
            }).toList();
            Phase next = java.util.Arrays.stream(Phase.values()).filter(p -> !g.ratings().containsKey(p)).findFirst()
                    .orElse(Phase.FINAL);
            String form = "rating-" + g.id();
            String phase = state.failed(form) ? state.value(form, "phase") : next.name();
            String score = state.value(form, "score");
            List<Option> phases = java.util.Arrays.stream(Phase.values()).map(p -> new Option(p.name(),
                    messages.get(lang, "phase." + p.name()), p.name().equals(phase))).toList();
            List<Option> scores = levels.stream().map(l -> new Option(l.key(), l.signed() + ": " + l.text(),
                    l.key().equals(score))).toList();
            String formError = state.failed(form) ? Objects.requireNonNullElse(state.error(form, FormState.FORM),
                    messages.get(lang, "form.has-errors")) : null;
            return new GoalRow(g.id(), g.title(), g.weight(), levels, ratings, form, phases, scores, formError,
                    state.error(form, "phase"), state.error(form, "score"));
        }).toList();
    }

    /**
     * The programme form's modules, worked out here rather than in the template: fourteen modules would each ask the form
     * state and the texts with arguments, and a template's calls with arguments cost far more than reading a field.
     */
    static List<ModuleChoice> moduleChoices(List<ModuleSummaryView> modules, Messages messages, String lang, FormState state,
            String form) {
        return modules.stream().map(m -> new ModuleChoice(m.slug(), m.title(), messages.get(lang, "programme.minutes",
                m.estimatedMinutes()), state.chosen(form, "modules", m.slug()))).toList();
    }

    /** The form's text fields named {@code names}, labelled by {@code labelPrefix} + name, as {@code state} left them. */
    static List<TextField> textFields(List<String> names, String labelPrefix, Messages messages, String lang, FormState state,
            String form) {
        return names.stream().map(n -> new TextField(n, messages.get(lang, labelPrefix + n), state.value(form, n),
                state.error(form, n))).toList();
    }

    static List<AssignmentRow> assignments(List<AssignmentView> list, Messages messages, String lang) {
        Formats fmt = new Formats(lang);
        return list.stream().map(a -> new AssignmentRow(a.id(), a.moduleTitle(), messages.get(lang, "status." + a.status().name()),
                messages.get(lang, "client.assignments.steps", a.stepsDone(), a.stepCount()), fmt.date(a.dueOn()),
                fmt.day(a.lastActivityAt()), a.status() == AssignmentStatus.SUBMITTED ? messages.get(lang, "client.assignments.review")
                        : a.startedAt() != null ? messages.get(lang, "client.assignments.show-answers") : null,
                a.adapted())).toList();
    }
}
