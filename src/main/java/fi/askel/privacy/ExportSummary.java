package fi.askel.privacy;

import fi.askel.common.Dates;
import com.fasterxml.jackson.databind.JsonNode;
import fi.askel.common.Messages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The readable part of a data export: one self-contained HTML page (no scripts, no external files) in
 * the client's language, with a section per file of the ZIP and the same rows as tables.
 */
@ApplicationScoped
public class ExportSummary {

    private static final ZoneId ZONE = Dates.ZONE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d.M.yyyy HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d.M.yyyy");

    @TemplateData
    public record Section(String file, String title, String description, List<String> headers, List<List<String>> rows) {}

    @TemplateData
    public record Texts(String lang, String clientName, String generatedAt, Messages messages) {
        public String t(String key) {
            return messages.get(lang, key);
        }

        public String t1(String key, Object arg) {
            return messages.get(lang, key, arg);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance summary(Texts page, List<Section> sections);
    }

    private final Messages messages;

    public ExportSummary(Messages messages) {
        this.messages = messages;
    }

    public String render(String lang, String clientName, Instant generatedAt, Map<String, List<Map<String, Object>>> files) {
        List<Section> sections = new ArrayList<>();
        files.forEach((file, rows) -> sections.add(section(lang, file, rows)));
        Texts texts = new Texts(lang, clientName, TIME.format(generatedAt.atZone(ZONE)), messages);
        return Templates.summary(texts, sections).render();
    }

    private Section section(String lang, String file, List<Map<String, Object>> rows) {
        List<String> columns = rows.isEmpty() ? List.of() : List.copyOf(rows.get(0).keySet());
        List<String> headers = columns.stream().map(c -> label(lang, c)).toList();
        List<List<String>> cells = rows.stream().map(r -> columns.stream().map(c -> display(lang, r.get(c))).toList()).toList();
        return new Section(file + ".json", messages.get(lang, "privacy.export.file." + file),
                messages.get(lang, "privacy.export.file." + file + ".about"), headers, cells);
    }

    private String label(String lang, String column) {
        String key = "privacy.export.col." + column;
        return messages.has(key) ? messages.get(lang, key) : column;
    }

    private String display(String lang, Object value) {
        if (value == null) {
            return "–";
        }
        if (value instanceof Instant i) {
            return TIME.format(i.atZone(ZONE));
        }
        if (value instanceof LocalDate d) {
            return DATE.format(d);
        }
        if (value instanceof Boolean b) {
            return messages.get(lang, b ? "privacy.yes" : "privacy.no");
        }
        if (value instanceof JsonNode node) {
            StringBuilder out = new StringBuilder();
            flatten("", node, out);
            return out.toString();
        }
        return String.valueOf(value);
    }

    /** JSON as "key: value" lines, so an answer reads as text rather than as code. */
    private static void flatten(String prefix, JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                flatten(prefix.isEmpty() ? f.getKey() : prefix + " / " + f.getKey(), f.getValue(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + " " + (i + 1), node.get(i), out);
            }
        } else {
            if (out.length() > 0) {
                out.append("\n");
            }
            out.append(prefix.isEmpty() ? "" : prefix + ": ").append(node.asText());
        }
    }
}
