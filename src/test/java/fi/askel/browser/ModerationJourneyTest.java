package fi.askel.browser;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import fi.askel.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A specialist moderates a peer group through the pages, in Finnish and in Swedish: finds a member's report and
 * a distress alert in the queue, hides the reported post with a reason, locks the thread, and marks the alert
 * handled. The members notice each step. Every page passes axe and the HTML check.
 */
@QuarkusTest
class ModerationJourneyTest extends BrowserJourney {

    static final String DISTRESS = "En jaksa enää elää. Olen ajatellut itsemurhaa.";

    @ParameterizedTest
    @ValueSource(strings = {"fi", "sv"})
    void a_specialist_hides_a_reported_post_locks_the_thread_and_handles_a_distress_alert(String lang) {
        Texts t = new Texts(lang);
        Api.Account specialist = Api.create("SPECIALIST", lang);
        Api.Account reader = Api.create("CLIENT", "fi");
        Api.Account writer = Api.create("CLIENT", "fi");
        String groupName = Api.unique("Uniryhmä");
        long group = specialist.as().body(Map.of("name", groupName, "description", "Vertaistukea uneen"))
                .post("/api/v1/groups").then().statusCode(201).extract().jsonPath().getLong("id");
        for (Api.Account member : new Api.Account[] {reader, writer}) {
            specialist.as().body(Map.of("userId", member.id())).post("/api/v1/groups/" + group + "/members").then().statusCode(201);
            member.as().post("/api/v1/groups/" + group + "/rules/accept").then().statusCode(200);
        }
        String title = Api.unique("Univaikeudet");
        long thread = reader.as().body(Map.of("title", title, "body", "Kuinka pitkään te nukutte?"))
                .post("/api/v1/groups/" + group + "/threads").then().statusCode(201).extract().jsonPath().getLong("id");
        long rude = writer.as().body(Map.of("body", "Osta unilääkkeitä minulta halvalla!"))
                .post("/api/v1/threads/" + thread + "/posts").then().statusCode(201).extract().jsonPath().getLong("id");
        reader.as().body(Map.of("reason", "Mainostaa lääkkeitä.")).post("/api/v1/posts/" + rude + "/report").then().statusCode(202);
        String sadTitle = Api.unique("Raskas viikko");
        writer.as().body(Map.of("title", sadTitle, "body", DISTRESS)).post("/api/v1/groups/" + group + "/threads")
                .then().statusCode(201);

        try (BrowserContext window = chromium.signedIn(t.locale(), specialist.username(), base)) {
            Page page = window.newPage();
            page.navigate(base + "groups/" + group);
            BrowserSupport.assertAccessible(page);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(t.t("peer.moderation.title")).setExact(true)).click();
            page.waitForURL(base + "groups/" + group + "/moderation");
            Locator queue = page.locator("ul.reports > li");
            PlaywrightAssertions.assertThat(queue).hasCount(2);
            Locator report = queue.filter(new Locator.FilterOptions().setHasText("Mainostaa lääkkeitä."));
            PlaywrightAssertions.assertThat(report).containsText("Osta unilääkkeitä minulta halvalla!");
            Locator alert = queue.filter(new Locator.FilterOptions().setHasText(t.t("peer.moderation.distress")));
            PlaywrightAssertions.assertThat(alert).containsText(DISTRESS);
            BrowserSupport.assertAccessible(page);

            // The reported post is hidden, with a reason its writer will see.
            report.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(t.t("peer.post.hide")).setExact(true)).click();
            PlaywrightAssertions.assertThat(page.locator("h1")).hasText(t.t("peer.hide.title"));
            BrowserSupport.assertAccessible(page);
            page.getByLabel(t.t("peer.hide.field.reason")).fill("Ryhmässä ei myydä mitään.");
            button(page, t.t("peer.hide.send")).click();
            page.waitForURL(url -> url.contains("/threads/" + thread));
            PlaywrightAssertions.assertThat(page.locator("#post-" + rude)).containsText(t.t("peer.post.hidden"));
            BrowserSupport.assertAccessible(page);
            reader.as().get("/api/v1/threads/" + thread).then()
                    .body("posts.items.find { it.id == " + rude + " }?.body", not(equalTo("Osta unilääkkeitä minulta halvalla!")));

            // The thread is locked: the members can no longer answer in it.
            button(page, t.t("peer.thread.lock")).click();
            PlaywrightAssertions.assertThat(page.locator("[role=status]")).hasText(t.t("peer.flash.saved"));
            PlaywrightAssertions.assertThat(page.locator("p.meta")).containsText(t.t("peer.thread.badge.locked"));
            BrowserSupport.assertAccessible(page);
            reader.as().body(Map.of("body", "Vielä yksi asia")).post("/api/v1/threads/" + thread + "/posts").then().statusCode(409);

            // The distress alert: the specialist has seen it and marks it handled; the queue empties.
            page.navigate(base + "groups/" + group + "/moderation");
            PlaywrightAssertions.assertThat(alert).hasCount(1);
            alert.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(t.t("peer.moderation.handled")).setExact(true))
                    .click();
            PlaywrightAssertions.assertThat(page.locator("ul.reports > li")
                    .filter(new Locator.FilterOptions().setHasText(t.t("peer.moderation.distress")))).hasCount(0);
            BrowserSupport.assertAccessible(page);
        }
    }
}
