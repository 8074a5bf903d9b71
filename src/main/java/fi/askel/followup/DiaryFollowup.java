package fi.askel.followup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.askel.identity.Caller;
import fi.askel.privacy.AccessKind;
import fi.askel.privacy.AccessLog;
import fi.askel.rehab.DiaryEntry;
import fi.askel.rehab.RehabAccess;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;

/** The client's diaries (sleep, blood glucose, weekly check-ins) as the specialist follows them: one query per client. */
@ApplicationScoped
public class DiaryFollowup {

    /** One entry: its diary ({@code log}: sleep, glucose, weekly-check-in), its key and day, and what the client wrote. */
    public record DiaryEntryView(long assignmentId, String stepKey, String log, String key, LocalDate date, JsonNode entry) {}

    private final RehabAccess access;
    private final AccessLog accessLog;
    private final ObjectMapper json;

    public DiaryFollowup(RehabAccess access, AccessLog accessLog, ObjectMapper json) {
        this.access = access;
        this.accessLog = accessLog;
        this.json = json;
    }

    /** For the API: staff responsible for the client only (404 otherwise), recorded in the access log as answers read. */
    public List<DiaryEntryView> entries(Caller caller, long clientId) {
        access.requireClient(caller, clientId);
        access.requireStaffFor(caller, clientId);
        accessLog.record(caller, clientId, AccessKind.ANSWERS_READ);
        return views(DiaryEntry.listByClient(clientId));
    }

    /** Entries already read (the client page's, with its overview: access checked and logged there) as views. */
    List<DiaryEntryView> views(List<DiaryEntry> entries) {
        return entries.stream().map(e -> new DiaryEntryView(e.assignmentId, e.stepKey, e.logKind, e.entryKey, e.entryOn,
                parse(e.entry))).toList();
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored diary entry is not JSON", e);
        }
    }
}
