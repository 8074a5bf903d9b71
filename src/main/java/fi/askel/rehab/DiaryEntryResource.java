package fi.askel.rehab;

import com.fasterxml.jackson.databind.JsonNode;
import fi.askel.common.ApiException;
import fi.askel.content.steps.DiaryStep;
import fi.askel.identity.Caller;
import fi.askel.rehab.AssignmentViews.SaveResult;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * One entry of a diary step (a night, a measurement, a week), named by its key: the date ({@code 2026-12-03}), the
 * week's Monday, or the measurement's date and time ({@code 2026-12-03T07:30}). PUT writes it (an upsert: sending it
 * again changes nothing, and an entry sent to another entry's key corrects that one); DELETE removes it. The step's
 * done state stays as it was.
 */
@Path("/api/v1/assignments/{id}/steps/{stepKey}/entries/{entryKey}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("CLIENT")
@Transactional
public class DiaryEntryResource {

    private final AnswerStore answers;
    private final AssignmentService assignments;
    private final RehabAccess access;
    private final SecurityIdentity identity;

    public DiaryEntryResource(AnswerStore answers, AssignmentService assignments, RehabAccess access, SecurityIdentity identity) {
        this.answers = answers;
        this.assignments = assignments;
        this.access = access;
        this.identity = identity;
    }

    @PUT
    public SaveResult put(@PathParam("id") long id, @PathParam("stepKey") String stepKey, @PathParam("entryKey") String entryKey,
            JsonNode entry) {
        if (entry == null || !entry.isObject()) {
            throw ApiException.invalid("body", "error.body.required");
        }
        Assignment a = access.lockAssignment(caller(), id); // before the entries are read: see RehabAccess
        DiaryStep step = diary(a, stepKey);
        StepAnswer saved = StepAnswer.findById(new StepAnswer.Key(a.id, stepKey));
        JsonNode answer = step.withEntry(saved == null ? null : answers.json(saved.answer), entryKey, entry);
        return answers.save(caller(), id, stepKey, answer, saved != null && saved.done);
    }

    @DELETE
    public SaveResult delete(@PathParam("id") long id, @PathParam("stepKey") String stepKey, @PathParam("entryKey") String entryKey) {
        Assignment a = access.lockAssignment(caller(), id); // before the entries are read: see RehabAccess
        DiaryStep step = diary(a, stepKey);
        StepAnswer saved = StepAnswer.findById(new StepAnswer.Key(a.id, stepKey));
        JsonNode answer = step.withoutEntry(saved == null ? null : answers.json(saved.answer), entryKey);
        if (answer == null) {
            throw ApiException.notFound("entry");
        }
        // The last entry of a step marked done cannot go while it stays done: the step then waits for a new entry.
        boolean done = saved.done && !answer.path("logs").isEmpty();
        return answers.save(caller(), id, stepKey, answer, done);
    }

    private DiaryStep diary(Assignment a, String stepKey) {
        if (!(assignments.module(a).step(stepKey).orElse(null) instanceof DiaryStep step)) {
            throw ApiException.notFound("step");
        }
        return step;
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
