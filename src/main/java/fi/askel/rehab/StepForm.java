package fi.askel.rehab;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A step's answer in the shape its form needs: what to pre-fill, tick and list. */
@TemplateData
public record StepForm(String text, Map<String, String> values, Set<String> checked, Map<String, Set<String>> picked,
        String goalTitle, Map<String, String> levels, List<LogRow> logs) {

    @TemplateData
    public record LogRow(int index, String date, String sets, String reps, String minutes, String effort, String pain,
            String note) {}

    static StepForm of(JsonNode answer) {
        JsonNode a = answer == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : answer;
        Map<String, String> values = new HashMap<>();
        a.path("values").fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        Set<String> checked = new HashSet<>();
        a.path("checked").forEach(c -> checked.add(c.asText()));
        Map<String, Set<String>> picked = new HashMap<>();
        a.path("answers").fields().forEachRemaining(e -> {
            Set<String> keys = new HashSet<>();
            e.getValue().forEach(c -> keys.add(c.asText()));
            picked.put(e.getKey(), keys);
        });
        Map<String, String> levels = new HashMap<>();
        a.path("levels").fields().forEachRemaining(e -> levels.put(e.getKey(), e.getValue().asText()));
        List<LogRow> logs = new ArrayList<>();
        int i = 0;
        for (JsonNode log : a.path("logs")) {
            logs.add(new LogRow(i++, log.path("date").asText(""), text(log, "sets"), text(log, "reps"),
                    text(log, "minutes"), text(log, "effort"), text(log, "pain"), log.path("note").asText("")));
        }
        return new StepForm(a.path("text").asText(""), values, checked, picked, a.path("title").asText(""), levels, logs);
    }

    private static String text(JsonNode log, String name) {
        JsonNode v = log.path(name);
        return v.isMissingNode() || v.isNull() ? "" : v.asText();
    }

    public boolean isChecked(String key) {
        return checked.contains(key);
    }

    public boolean isPicked(String question, String choice) {
        return picked.getOrDefault(question, Set.of()).contains(choice);
    }

    public boolean hasValue(String item, Object value) {
        return String.valueOf(value).equals(values.get(item));
    }

    public String level(String level) {
        return levels.getOrDefault(level, "");
    }
}
