package fi.askel.content.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.askel.content.Localized;
import fi.askel.content.Module;
import fi.askel.content.diff.DiffViews.LanguageDiff;
import fi.askel.content.diff.DiffViews.Segment;
import fi.askel.content.steps.ReadStep;
import fi.askel.content.steps.Step;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The comparison itself, without a service: word runs, and steps moved, added and removed (no database, no browser). */
class ModuleComparisonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_changed_word_is_removed_and_added_alone_and_the_rest_stays() {
        assertEquals(List.of(new Segment("same", "Walk for "), new Segment("removed", "ten"), new Segment("added", "twenty"),
                new Segment("same", " minutes, daily.")), WordDiff.of("Walk for ten minutes, daily.", "Walk for twenty minutes, daily."));
        assertEquals(List.of(new Segment("same", "Sleep"), new Segment("added", " well")), WordDiff.of("Sleep", "Sleep well"));
    }

    @Test
    void a_step_moved_past_others_is_the_one_named_moved() {
        Module before = module(step("a", "Alpha"), step("b", "Beta"), step("c", "Gamma"), step("d", "Delta"));
        Module after = module(step("b", "Beta"), step("c", "Gamma"), step("a", "Alpha"), step("e", "Epsilon"));
        LanguageDiff en = ModuleComparison.compare(JSON, before, after, path -> path).get(2);
        assertEquals("en", en.lang());
        assertEquals(new DiffViews.Summary(0, 1, 1, 1, false), en.summary());
        // In the newer order: b, c, (d was here), a, e.
        assertEquals(List.of("d", "a", "e"), en.steps().stream().map(DiffViews.StepChange::key).toList());
        assertEquals(List.of("removed", "moved", "added"), en.steps().stream().map(DiffViews.StepChange::status).toList());
        assertEquals(1, en.steps().get(1).before());
        assertEquals(3, en.steps().get(1).after());
    }

    private static Module module(Step... steps) {
        Localized title = text("Module");
        return new Module("m", 1, 10, List.of("sleep"), List.of("all"), title, title, List.of(steps));
    }

    private static Step step(String key, String title) {
        return new ReadStep(key, text(title), true, text(title + " text"), null, List.of());
    }

    private static Localized text(String en) {
        return new Localized(Map.of("fi", en + " fi", "sv", en + " sv", "en", en));
    }
}
