package fi.askel.rehab;

import fi.askel.common.Dates;
import fi.askel.content.ModuleViews.StepView;
import java.util.Map;

/**
 * Everything the page for one step shows. {@code form} is what the step's own form template
 * (steps/&lt;type&gt;/form.html) needs to show the answer again; {@code autosave} whether drafts are saved
 * while the client types; {@code courseSoFar} what the client built during the course, for a step that shows it
 * (null otherwise, and in the module editor's preview); {@code opensOn} the day a not-yet-open assignment opens (null
 * when it is open); {@code personalNote} the client's specialist's note at this step and {@code doseAdapted} whether
 * the specialist set the exercise's dose for this client (see rehab.adaptation).
 */
public record StepPage(Long assignmentId, String moduleTitle, AssignmentStatus status, boolean editable, StepView step,
        int number, int total, int doneCount, boolean done, long savedAtMillis, String previousKey, String nextKey, Object form,
        boolean autosave, Map<String, String> errors, String message, Integer score, Integer maxScore, String band,
        CourseSoFar courseSoFar, java.time.LocalDate opensOn, String personalNote, boolean doseAdapted) {

    /** The step type's form (frontend/templates/steps/&lt;type&gt;/form.html). */
    public String formTemplate() {
        return "steps/" + step.type() + "/form";
    }

    public String valueField(String item) {
        return "answer.values." + item;
    }

    /** Where the problem with a part of a plan is reported. */
    public String planField(String part) {
        return "answer.texts." + part;
    }

    public String quizField(String question) {
        return "answer.answers." + question;
    }

    public java.util.List<Integer> range(int min, int max) {
        return java.util.stream.IntStream.rangeClosed(min, max).boxed().toList();
    }

    public boolean hasScore() {
        return score != null;
    }

    public String today() {
        return Dates.today().toString();
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public String error(String field) {
        return errors.get(field);
    }

    /** The problem with a field of a log entry (answer.logs[n].&lt;name&gt;), whichever entry it was found in. */
    public String entryError(String name) {
        return errors.entrySet().stream().filter(e -> e.getKey().startsWith("answer.logs[") && e.getKey().endsWith("]." + name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
