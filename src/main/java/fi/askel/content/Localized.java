package fi.askel.content;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import fi.askel.common.Messages;
import java.util.Map;

/** A text in every language the platform speaks. The loader guarantees all three are present. */
public record Localized(Map<String, String> text) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Localized {
        text = Map.copyOf(text);
    }

    @JsonValue
    public Map<String, String> text() {
        return text;
    }

    public String get(String lang) {
        String value = text.get(lang);
        return value != null ? value : text.get(Messages.DEFAULT_LANGUAGE);
    }
}
