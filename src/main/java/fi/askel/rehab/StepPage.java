package fi.askel.rehab;

import fi.askel.content.ModuleViews.StepView;
import java.util.Map;

/** Everything the page for one step shows. */
public record StepPage(Long assignmentId, String moduleTitle, AssignmentStatus status, boolean editable, StepView step,
        int number, int total, int doneCount, boolean done, long savedAtMillis, String previousKey, String nextKey, StepForm form,
        Map<String, String> errors, String message, Integer score, Integer maxScore, String band) {

    public record Level(int index, String value, String field) {}

    public java.util.List<Level> levels() {
        return java.util.stream.IntStream.range(0, GoalService.LEVELS.size())
                .mapToObj(i -> new Level(i, GoalService.LEVELS.get(i), "answer.levels." + GoalService.LEVELS.get(i))).toList();
    }

    public String valueField(String item) {
        return "answer.values." + item;
    }

    public String quizField(String question) {
        return "answer.answers." + question;
    }

    public java.util.List<Integer> range(int min, int max) {
        return java.util.stream.IntStream.rangeClosed(min, max).boxed().toList();
    }

    public boolean multipleCorrect(fi.askel.content.ModuleViews.QuestionView q) {
        return q.choices().stream().filter(fi.askel.content.ModuleViews.ChoiceView::correct).count() > 1;
    }

    /** The client picked exactly the correct choices. */
    public boolean quizCorrect(fi.askel.content.ModuleViews.QuestionView q) {
        return q.choices().stream().allMatch(c -> c.correct() == form.isPicked(q.key(), c.key()));
    }

    public boolean hasScore() {
        return score != null;
    }

    public String today() {
        return java.time.LocalDate.now().toString();
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public String error(String field) {
        return errors.get(field);
    }
}
