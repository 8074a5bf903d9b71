package fi.askel.common.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The friendly page shown, in the user's language, when a page request goes wrong. */
final class ErrorPage {

    private ErrorPage() {}

    @CheckedTemplate(basePath = "ErrorPage")
    static class Templates {
        static native TemplateInstance error(PageContext page, int status, String title, String message, String errorId);
    }
}
