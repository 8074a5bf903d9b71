package fi.askel.privacy;

import fi.askel.support.Api;
import java.util.Map;

/** Fixtures for privacy tests: a client who has not yet acknowledged the notice, and publishing a new version. */
final class Privacy {

    private Privacy() {}

    /** A client account as an admin creates it, signed in, before the client has acknowledged anything. */
    static Api.Account newClient(String displayName) {
        String username = Api.unique("client");
        long id = Api.admin().as().body(Map.of("username", username, "displayName", displayName, "role", "CLIENT",
                        "locale", "fi", "password", Api.PASSWORD, "email", username + "@example.org"))
                .post("/api/v1/users").then().statusCode(201).extract().jsonPath().getLong("id");
        return new Api.Account(id, username, "CLIENT", Api.login(username, Api.PASSWORD));
    }

    static int currentVersion() {
        return Api.admin().as().get("/api/v1/privacy/notice").then().statusCode(200).extract().jsonPath().getInt("version");
    }

    /** Publishes a new version of the notice as the admin; returns its number. */
    static int publish(String marker) {
        return Api.admin().as().body(Map.of("fi", "# Seloste\n\n" + marker, "sv", "# Beskrivning\n\n" + marker,
                        "en", "# Notice\n\n" + marker, "changeNote", "Test " + marker))
                .post("/api/v1/admin/privacy/notices").then().statusCode(201).extract().jsonPath().getInt("version");
    }
}
