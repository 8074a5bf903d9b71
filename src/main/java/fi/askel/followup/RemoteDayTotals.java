package fi.askel.followup;

import io.quarkus.qute.TemplateData;
import java.util.List;
import java.util.Optional;

/**
 * The client's recorded remote-rehabilitation days in brief, for the summary. Declared here and
 * implemented by the feature that records the days (remote), so followup does not read its tables.
 */
public interface RemoteDayTotals {

    /** Days attended and their minutes for one kind of content, its name already in the page's language. */
    @TemplateData
    record ContentLine(String label, long days, long minutes) {}

    @TemplateData
    record DaysInBrief(long days, long minutes, List<ContentLine> byContent, long noShows, long cancelled) {}

    /** Empty when no day is recorded for the client. */
    Optional<DaysInBrief> forClient(long clientId, String lang);
}
