package fi.askel.content;

import fi.askel.content.steps.Step;
import java.util.List;
import java.util.Optional;

/** An exercise module as loaded from exercises/&lt;slug&gt;/ (or, for older versions, from its stored snapshot). */
public record Module(String slug, int version, int estimatedMinutes, List<String> themes, List<String> targetGroups,
        Localized title, Localized summary, List<Step> steps) {

    public static final List<String> THEMES = List.of("preparing", "goals", "resources", "physical-activity", "sleep",
            "stress", "pain", "nutrition", "peer-support", "musculoskeletal", "diabetes", "family-carers", "wellbeing",
            "closing");
    public static final List<String> TARGET_GROUPS = List.of("all", "musculoskeletal", "diabetes", "family-carers",
            "youth", "respiratory", "mental-health");

    public Optional<Step> step(String key) {
        return steps.stream().filter(s -> s.key().equals(key)).findFirst();
    }
}
