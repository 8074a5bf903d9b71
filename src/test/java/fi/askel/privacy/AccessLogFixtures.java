package fi.askel.privacy;

import fi.askel.common.Dates;
import fi.askel.support.Api;
import fi.askel.support.Rehab;
import java.util.List;
import java.util.Map;

/** Reading a client's access log the way the client does, and a team whose client speaks a given language. */
final class AccessLogFixtures {

    private AccessLogFixtures() {}

    /** The kinds in the client's own log, newest first. */
    static List<String> kinds(Api.Account client) {
        return client.as().get("/api/v1/me/access-log?size=200").then().statusCode(200).extract().jsonPath().getList("items.kind");
    }

    /** The kinds the action added to the client's log, oldest first. */
    static List<String> added(Api.Account client, Runnable action) {
        int before = client.as().get("/api/v1/me/access-log?size=1").then().statusCode(200).extract().jsonPath().getInt("total");
        action.run();
        List<String> now = kinds(client);
        List<String> fresh = new java.util.ArrayList<>(now.subList(0, now.size() - before));
        java.util.Collections.reverse(fresh);
        return fresh;
    }

    static Rehab.Team team(String clientLanguage) {
        Api.Account specialist = Api.create("SPECIALIST");
        Api.Account client = Api.create("CLIENT", clientLanguage);
        long periodId = specialist.as().body(Map.of("clientId", client.id(), "serviceType", "REHAB_COURSE",
                        "startsOn", Dates.today().minusDays(10).toString(), "endsOn", Dates.today().plusDays(60).toString()))
                .post("/api/v1/periods").then().statusCode(201).extract().jsonPath().getLong("id");
        Rehab.assessSuitable(specialist, periodId);
        return new Rehab.Team(specialist, client, periodId);
    }

    static long submitted(Rehab.Team team, String slug) {
        long id = Rehab.assign(team, slug);
        Rehab.completeAll(team.client(), id, slug);
        team.client().as().post("/api/v1/assignments/" + id + "/submit").then().statusCode(200);
        return id;
    }
}
