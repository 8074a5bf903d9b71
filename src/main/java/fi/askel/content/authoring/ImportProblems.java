package fi.askel.content.authoring;

import fi.askel.common.Problem;
import fi.askel.common.web.Pages;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** A refused import as the author reads it: on the page next to the upload, and as problem+json for the API. */
final class ImportProblems {

    /** problem+json with each problem's file in the zip, line and field ({@link Problem} plus where). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Body(String type, String title, int status, String detail, String instance, List<Violation> violations) {}

    /** One problem: {@code field} is the entry's path in the zip and the field, as one place to point at. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Violation(String field, String message, String file, Integer line) {}

    private ImportProblems() {}

    /** Each problem in one line: where (file, line, field) and what. */
    static List<String> lines(ImportProblem.Refused refused, Pages pages) {
        return refused.problems().stream().map(p -> {
            String where = where(p, pages);
            String what = pages.t(p.messageKey(), p.args());
            return where.isEmpty() ? what : where + ": " + what;
        }).toList();
    }

    static Response api(ImportProblem.Refused refused, Pages pages, String path) {
        List<Violation> violations = refused.problems().stream().map(p -> new Violation(
                p.field().isEmpty() ? (p.file() == null ? "zip" : p.file()) : p.field(), pages.t(p.messageKey(), p.args()),
                p.file(), p.line() > 0 ? p.line() : null)).toList();
        String title = pages.t("error.title." + refused.status());
        if (title.startsWith("error.title.")) {
            title = pages.t("error.title.other");
        }
        String detail = pages.t("authoring.import.refused") + ": " + String.join("; ", lines(refused, pages));
        Body body = new Body(Problem.TYPE_BASE + "module-import", title, refused.status(), detail, path, violations);
        return Response.status(refused.status()).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private static String where(ImportProblem p, Pages pages) {
        if (p.file() == null) {
            return "";
        }
        if (p.line() > 0 && !p.field().isEmpty()) {
            return pages.t("authoring.import.where.field", p.file(), String.valueOf(p.line()), p.field());
        }
        return p.line() > 0 ? pages.t("authoring.import.where.line", p.file(), String.valueOf(p.line()))
                : pages.t("authoring.import.where.file", p.file());
    }
}
