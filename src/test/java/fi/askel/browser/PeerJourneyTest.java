package fi.askel.browser;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
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
 * A client in a peer group, through the pages in Finnish and in Swedish: finds the group, reads its rules and
 * accepts them under a pseudonym of their own, reads a thread, posts, replies to another member, reports that
 * member's post, and is told when someone answers. Every page passes axe and the HTML check; the group's pages have
 * touch targets a finger can hit.
 */
@QuarkusTest
class PeerJourneyTest extends BrowserJourney {

    private static Locator post(Page page, String text) {
        return page.locator("ol.posts > li").filter(new Locator.FilterOptions().setHasText(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fi", "sv"})
    void a_client_joins_the_conversation_under_a_pseudonym_and_reports_a_post(String lang) {
        Texts t = new Texts(lang);
        Api.Account specialist = Api.create("SPECIALIST", "fi");
        Api.Account client = Api.create("CLIENT", lang);
        Api.Account other = Api.create("CLIENT", "fi");
        String groupName = Api.unique("Selkäryhmä");
        long group = specialist.as().body(Map.of("name", groupName, "description", "Vertaistukea selkäkipuun"))
                .post("/api/v1/groups").then().statusCode(201).extract().jsonPath().getLong("id");
        for (Api.Account member : new Api.Account[] {client, other}) {
            specialist.as().body(Map.of("userId", member.id())).post("/api/v1/groups/" + group + "/members")
                    .then().statusCode(201);
        }
        other.as().post("/api/v1/groups/" + group + "/rules/accept").then().statusCode(200);
        String title = Api.unique("Aamujäykkyys");
        long thread = other.as().body(Map.of("title", title, "body", "Miten te saatte aamun käyntiin?"))
                .post("/api/v1/groups/" + group + "/threads").then().statusCode(201).extract().jsonPath().getLong("id");
        String pseudonym = "fi".equals(lang) ? "Metsäpolku" : "Skogsstig";

        try (BrowserContext window = chromium.signedIn(t.locale(), client.username(), base)) {
            Page page = window.newPage();
            page.navigate(base + "groups");
            BrowserSupport.assertAccessible(page);
            TouchTargets.assertLargeEnough(page);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(groupName)).click();

            // First visit: the rules, and the pseudonym the others will see.
            PlaywrightAssertions.assertThat(page.locator("#rules")).hasText(t.t("peer.rules.title"));
            PlaywrightAssertions.assertThat(page.locator("ol.rules")).containsText(t.t("peer.rules.default.3"));
            BrowserSupport.assertAccessible(page);
            TouchTargets.assertLargeEnough(page);
            page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName(t.t("peer.pseudonym.field")).setExact(true))
                    .fill(pseudonym);
            button(page, t.t("peer.rules.accept")).click();
            page.waitForURL(base + "groups/" + group);
            BrowserSupport.assertAccessible(page);

            // Reading a thread and answering in it.
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
            PlaywrightAssertions.assertThat(post(page, "Miten te saatte aamun käyntiin?")).hasCount(1);
            BrowserSupport.assertAccessible(page);
            page.getByLabel(t.t("peer.post.field.body")).fill("Venyttelen ennen kuin nousen sängystä.");
            button(page, t.t("peer.post.send")).click();
            Locator mine = post(page, "Venyttelen ennen kuin nousen sängystä.");
            PlaywrightAssertions.assertThat(mine.locator("header strong")).hasText(pseudonym);
            PlaywrightAssertions.assertThat(mine.locator("header")).containsText(t.t("peer.author.you"));
            PlaywrightAssertions.assertThat(mine.locator("header")).not().containsText("Test " + client.username());
            PlaywrightAssertions.assertThat(mine.locator("header time")).hasText(t.dateTime());
            BrowserSupport.assertAccessible(page);
            TouchTargets.assertLargeEnough(page); // the thread with the client's own post: reply, edit and remove

            // A reply to the other member's post, tied to it.
            Locator theirs = post(page, "Miten te saatte aamun käyntiin?");
            String theirName = theirs.locator("header strong").textContent().strip();
            theirs.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(t.t("peer.post.reply")).setExact(true)).click();
            PlaywrightAssertions.assertThat(page.locator("#reply-heading")).hasText(t.t("peer.post.replying-to", theirName));
            BrowserSupport.assertAccessible(page);
            page.getByLabel(t.t("peer.post.field.body")).fill("Lämmin suihku auttaa minua.");
            button(page, t.t("peer.post.send")).click();
            PlaywrightAssertions.assertThat(post(page, "Lämmin suihku auttaa minua.").locator(".reply-to"))
                    .hasText(t.t("peer.post.reply-to", theirName));

            // The other member sees the pseudonym, never the name.
            other.as().get("/api/v1/threads/" + thread).then()
                    .body("posts.items.author.name", hasItem(pseudonym))
                    .body("posts.items.author.name", not(hasItem("Test " + client.username())));
            try (BrowserContext othersWindow = chromium.signedIn("fi-FI", other.username(), base)) {
                Page view = othersWindow.newPage();
                view.navigate(base + "threads/" + thread);
                PlaywrightAssertions.assertThat(post(view, "Venyttelen ennen kuin nousen sängystä.").locator("header strong"))
                        .hasText(pseudonym);
                PlaywrightAssertions.assertThat(view.locator("body")).not().containsText(client.username());
                BrowserSupport.assertAccessible(view);
                // Nor in the group's member list.
                view.navigate(base + "groups/" + group);
                PlaywrightAssertions.assertThat(view.locator("#members + ul")).containsText(pseudonym);
                PlaywrightAssertions.assertThat(view.locator("body")).not().containsText(client.username());
                BrowserSupport.assertAccessible(view);
            }

            // Reporting the other member's post: a reason is needed, then the moderators have it.
            post(page, "Miten te saatte aamun käyntiin?").getByRole(AriaRole.LINK,
                    new Locator.GetByRoleOptions().setName(t.t("peer.post.report")).setExact(true)).click();
            PlaywrightAssertions.assertThat(page.locator("h1")).hasText(t.t("peer.report.title"));
            BrowserSupport.assertAccessible(page);
            TouchTargets.assertLargeEnough(page);
            button(page, t.t("peer.report.send")).click();
            PlaywrightAssertions.assertThat(page.locator("#reason-error")).isVisible();
            // The focus waits in the field with the problem, not at the top of the page.
            PlaywrightAssertions.assertThat(page.getByLabel(t.t("peer.report.field.reason"))).isFocused();
            BrowserSupport.assertAccessible(page);
            page.getByLabel(t.t("peer.report.field.reason")).fill("Viesti on asiaton.");
            button(page, t.t("peer.report.send")).click();
            PlaywrightAssertions.assertThat(page.locator("[role=status]")).hasText(t.t("peer.flash.reported"));
            BrowserSupport.assertAccessible(page);
            specialist.as().get("/api/v1/reports?groupId=" + group).then()
                    .body("[0].reason", equalTo("Viesti on asiaton."));

            // Someone answers the client's post; the client is told on the groups page and in the notifications.
            long myPost = Long.parseLong(mine.getAttribute("id").replace("post-", ""));
            other.as().body(Map.of("body", "Kiitos vinkistä!", "replyTo", myPost)).post("/api/v1/threads/" + thread + "/posts")
                    .then().statusCode(201);
            String told = t.t("peer.notification.reply", groupName, title);
            page.navigate(base + "groups");
            PlaywrightAssertions.assertThat(page.locator("main")).containsText(told);
            BrowserSupport.assertAccessible(page);
            page.navigate(base + "notifications");
            BrowserSupport.assertAccessible(page);
            button(page, told).click();
            PlaywrightAssertions.assertThat(post(page, "Kiitos vinkistä!")).hasCount(1);
            PlaywrightAssertions.assertThat(post(page, "Kiitos vinkistä!").locator(".reply-to"))
                    .hasText(t.t("peer.post.reply-to", pseudonym));
        }
    }
}
