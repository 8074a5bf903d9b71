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

    /**
     * A complete draft of a new module (the shipped getting-ready, which has no pictures, under a new name): ready for
     * review. Its id; the name is {@code slug(author, id)}.
     */
    static long complete(Api.Account author) {
        long id = copyOf(author, "getting-ready");
        Map<String, Object> definition = definition(author, id);
        definition.put("slug", Api.unique("published").toLowerCase().replaceAll("[^a-z0-9-]", "-"));
        save(author, id, definition).then().statusCode(200);
        return id;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> definition(Api.Account author, long id) {
        return (Map<String, Object>) author.as().get("/api/v1/authoring/drafts/" + id).then().statusCode(200).extract()
                .jsonPath().getMap("").get("definition");
    }

    static String slug(Api.Account author, long id) {
        return author.as().get("/api/v1/authoring/drafts/" + id).then().statusCode(200).extract().jsonPath().getString("slug");
    }

    /** The whole definition saved over the draft's current revision. */
    static io.restassured.response.Response save(Api.Account author, long id, Map<String, Object> definition) {
        int revision = author.as().get("/api/v1/authoring/drafts/" + id).then().extract().jsonPath().getInt("revision");
        return author.as().body(Map.of("revision", revision, "definition", definition)).put("/api/v1/authoring/drafts/" + id);
    }

    /** A review action ({@code ""} sends to review, {@code /approve}, {@code /return}) with a comment. */
    static io.restassured.response.Response review(Api.Account who, long id, String action, String comment) {
        return who.as().body(comment == null ? Map.of() : Map.of("comment", comment))
                .post("/api/v1/authoring/drafts/" + id + "/review" + action);
    }

    /** A draft copied from a shipped module; its id. */
    static long copyOf(Api.Account author, String slug) {
        return author.as().body(Map.of("copyOf", slug)).post("/api/v1/authoring/drafts").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }
}
