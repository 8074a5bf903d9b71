package fi.askel.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.askel.common.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every guide says every step and describes every picture in each language, and has no step its list leaves out. */
class HelpGuidesTest {

    @Test
    void every_title_step_and_picture_text_exists_in_every_language_and_no_step_is_left_out() {
        List<String> problems = new ArrayList<>();
        for (String lang : Messages.LANGUAGES) {
            Map<String, String> texts = Messages.load(lang);
            for (HelpGuides.Guide guide : HelpGuides.ALL) {
                List<String> keys = new ArrayList<>(List.of(guide.titleKey(), guide.introKey()));
                for (HelpGuides.Topic topic : guide.topics()) {
                    keys.add(topic.titleKey());
                    topic.stepList().forEach(step -> keys.add(step.key()));
                    if (texts.containsKey(topic.key() + ".step." + (topic.steps() + 1))) {
                        problems.add(lang + ": " + topic.key() + " has a step " + (topic.steps() + 1) + " the guide does not show");
                    }
                    topic.pictures().forEach(p -> keys.add(p.altKey()));
                }
                keys.stream().filter(k -> !texts.containsKey(k)).forEach(k -> problems.add(lang + " is missing " + k));
            }
        }
        assertEquals(List.of(), problems);
    }
}
