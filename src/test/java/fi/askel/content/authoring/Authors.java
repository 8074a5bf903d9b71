package fi.askel.content.authoring;

import fi.askel.support.Api;
import java.util.Map;

/** Specialists with the authoring permission, and drafts of theirs. */
final class Authors {

    private Authors() {}

    /** A specialist an admin has let author modules. */
    static Api.Account author() {
        Api.Account specialist = Api.create("SPECIALIST", "en");
        grant(specialist, true);
        return specialist;
    }

    static void grant(Api.Account specialist, boolean granted) {
        Api.admin().as().body(Map.of("granted", granted)).put("/api/v1/users/" + specialist.id() + "/authoring")
                .then().statusCode(200);
    }

    /** A new module draft of the author's; its id. */
    static long newDraft(Api.Account author) {
        return author.as().body(Map.of("slug", Api.unique("draft").toLowerCase().replaceAll("[^a-z0-9-]", "-")))
                .post("/api/v1/authoring/drafts").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A draft copied from a shipped module; its id. */
    static long copyOf(Api.Account author, String slug) {
        return author.as().body(Map.of("copyOf", slug)).post("/api/v1/authoring/drafts").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }
}
