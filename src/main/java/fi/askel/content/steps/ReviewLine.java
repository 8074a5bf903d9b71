package fi.askel.content.steps;

import io.quarkus.qute.TemplateData;

/** A labelled value of an answer: a scale item, a ticked item, a goal level, a questionnaire item. */
@TemplateData
public record ReviewLine(String label, String value, String detail, boolean checked) {

    /** Shown where the client gave no value. */
    static final String NONE = "–";
}
