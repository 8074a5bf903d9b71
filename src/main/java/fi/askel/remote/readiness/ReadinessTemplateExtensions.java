package fi.askel.remote.readiness;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.LocalDate;

/** Dates and times on the readiness pages as people in Finland read them. */
@TemplateExtension
final class ReadinessTemplateExtensions {

    private ReadinessTemplateExtensions() {}

    static String readinessDate(LocalDate date) {
        return ReadinessPage.date(date);
    }

    static String readinessTime(Instant instant) {
        return ReadinessPage.time(instant);
    }
}
