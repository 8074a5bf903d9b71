package fi.askel.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** RFC 9457 problem details, the body of every error under /api. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
        List<Violation> violations, String errorId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://askel.fi/problems/";

    /** One thing wrong with the request: the field (JSON path or parameter name) and what was wrong. */
    public record Violation(String field, String message) {}
}
