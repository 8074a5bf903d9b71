package fi.askel.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fi.askel.common.Dates;
import fi.askel.support.Api;
import fi.askel.support.Rehab;
import fi.askel.web.HelpGuides;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pictures of the plain-language guides, taken from the real pages at a phone's width in each language
 * ({@link HelpPictures}), and the guides themselves: every picture committed and shown with its text alternative,
 * each guide page accessible. {@code ./mvnw test -Dtest=HelpScreenshotsJourneyTest -Dhelp.screenshots.update=true}
 * rewrites the committed pictures.
 */
@QuarkusTest
class HelpScreenshotsJourneyTest extends BrowserJourney {

    /** What the people in the pictures write, in the language of the picture. */
    private static final Map<String, List<String>> WORDS = Map.of(
            "fi", List.of("Aamujäykkyys", "Miten te saatte aamun käyntiin?", "Venyttelen ennen kuin nousen sängystä.",
                    "Kesätuuli", "Metsäpolku", "Osta unilääkkeitä minulta halvalla!", "Mainostaa lääkkeitä.",
                    "En jaksa enää elää.", "Aamuryhmä", "Hyvää työtä! Jatka samaan malliin."),
            "sv", List.of("Stel på morgonen", "Hur kommer ni igång på morgonen?", "Jag stretchar innan jag stiger upp.",
                    "Sommarvind", "Skogsstig", "Köp sömnmedel billigt av mig!", "Gör reklam för mediciner.",
                    "Jag orkar inte leva längre.", "Morgongruppen", "Bra jobbat! Fortsätt så."),
            "en", List.of("Stiff in the morning", "How do you get going in the morning?", "I stretch before I get out of bed.",
                    "Summer breeze", "Forest path", "Buy sleeping pills from me, cheap!", "Advertises medicines.",
                    "I want to die.", "Morning group", "Well done! Keep it up."));

    @ParameterizedTest
    @ValueSource(strings = {"fi", "sv", "en"})
    void the_guides_show_pictures_of_the_real_pages(String lang) {
        HelpPictures.forget(lang);
        Texts t = new Texts(lang);
        List<String> w = WORDS.get(lang);
        Api.Account specialist = Api.create("SPECIALIST", lang, "Eeva Niemi");
        Api.Account client = Api.create("CLIENT", lang, "Aino Laine");
        long period = Rehab.suitablePeriod(specialist, Map.of("clientId", client.id(), "serviceType", "REHAB_COURSE",
                "startsOn", Dates.today().minusDays(10).toString(), "endsOn", Dates.today().plusDays(60).toString()));
        Rehab.Team team = new Rehab.Team(specialist, client, period);
        long assignment = Rehab.assign(team, "sleep-and-recovery");

        clientPictures(t, lang, w, team, assignment);
        signInPictures(lang);
        specialistPictures(t, lang, w, team);
        adminPictures(t, lang, team);
        HelpPictures.assertCommitted(lang);
        guidesShowThePictures(t, lang);
    }

    private void clientPictures(Texts t, String lang, List<String> w, Rehab.Team team, long assignment) {
        try (BrowserContext window = chromium.context(t.locale())) {
            Page page = window.newPage();
            page.navigate(base + "login");
            HelpPictures.take(page, page.locator("main h1"), page.locator("main form").first(), "sign-in", lang);
        }
        Api.Account other = Api.create("CLIENT", lang, "Pekka Korhonen");
        long group = peerGroup(team.specialist(), w, team.client(), other);
        long thread = other.as().body(Map.of("title", w.get(0), "body", w.get(1)))
                .post("/api/v1/groups/" + group + "/threads").then().statusCode(201).extract().jsonPath().getLong("id");
        team.client().as().body(Map.of("body", w.get(2))).post("/api/v1/threads/" + thread + "/posts").then().statusCode(201);
        try (BrowserContext window = chromium.signedIn(t.locale(), team.client().username(), base)) {
            Page page = window.newPage();
            page.navigate(base.toString());
            HelpPictures.take(page, page.locator("#my-exercises"), page.locator("section[aria-labelledby=my-exercises]"),
                    "client-home", lang);
            page.navigate(base + "assignments/" + assignment + "/steps/my-sleep-now");
            HelpPictures.take(page, page.locator("main"), "client-step", lang);
            page.navigate(base + "threads/" + thread);
            HelpPictures.take(page, page.locator("ol.posts > li").last(), page.locator("#reply"), "peer-thread", lang);
        }
    }

    /** A group of the two clients, rules accepted under their pseudonyms. */
    private static long peerGroup(Api.Account specialist, List<String> w, Api.Account... members) {
        long group = specialist.as().body(Map.of("name", w.get(8), "description", w.get(1)))
                .post("/api/v1/groups").then().statusCode(201).extract().jsonPath().getLong("id");
        for (int i = 0; i < members.length; i++) {
            specialist.as().body(Map.of("userId", members[i].id())).post("/api/v1/groups/" + group + "/members")
                    .then().statusCode(201);
            members[i].as().post("/api/v1/groups/" + group + "/rules/accept").then().statusCode(200);
            members[i].as().body(Map.of("pseudonym", w.get(4 - i))).put("/api/v1/groups/" + group + "/me").then().statusCode(200);
        }
        return group;
    }

    /** A new specialist setting up the second factor, and one who has it signing in with a code. */
    private void signInPictures(String lang) {
        String username = Api.unique("spec");
        Api.admin().as().body(Map.of("username", username, "displayName", "Eeva Niemi", "role", "SPECIALIST",
                "locale", lang, "password", Api.PASSWORD)).post("/api/v1/users").then().statusCode(201);
        Api.Account enrolled = Api.create("SPECIALIST", lang, "Eeva Niemi");
        Texts t = new Texts(lang);
        for (String who : List.of(username, enrolled.username())) {
            try (BrowserContext window = chromium.context(t.locale())) {
                Page page = window.newPage();
                page.navigate(base + "login");
                page.getByLabel(t.t("login.username")).fill(who);
                page.getByLabel(t.t("login.password")).fill(Api.PASSWORD);
                button(page, t.t("login.submit")).click();
                if (who.equals(username)) {
                    page.waitForURL(base + "account/two-factor");
                    page.locator("img.qr").evaluate("e => e.decode()");
                    HelpPictures.take(page, page.locator("#step-scan"), page.locator("main form").first(), "staff-setup", lang);
                } else {
                    page.waitForSelector("input[autocomplete='one-time-code']");
                    HelpPictures.take(page, page.locator("main h1"), page.locator("main form").first(), "staff-code", lang);
                }
            }
        }
    }

    private void specialistPictures(Texts t, String lang, List<String> w, Rehab.Team team) {
        long done = Rehab.assign(team, "sleep-and-recovery");
        Rehab.completeAll(team.client(), done, "sleep-and-recovery");
        team.client().as().post("/api/v1/assignments/" + done + "/submit").then().statusCode(200);
        Api.Account reader = Api.create("CLIENT", lang, "Pekka Korhonen");
        long group = peerGroup(team.specialist(), w, team.client(), reader);
        long thread = reader.as().body(Map.of("title", w.get(0), "body", w.get(1)))
                .post("/api/v1/groups/" + group + "/threads").then().statusCode(201).extract().jsonPath().getLong("id");
        long rude = team.client().as().body(Map.of("body", w.get(5))).post("/api/v1/threads/" + thread + "/posts")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        reader.as().body(Map.of("reason", w.get(6))).post("/api/v1/posts/" + rude + "/report").then().statusCode(202);
        reader.as().body(Map.of("body", w.get(7))).post("/api/v1/threads/" + thread + "/posts").then().statusCode(201);
        try (BrowserContext window = chromium.signedIn(t.locale(), team.specialist().username(), base)) {
            Page page = window.newPage();
            page.navigate(base + "clients/" + team.client().id());
            page.locator("form[action$='#assign-programme'] input[type=checkbox]").first().check();
            HelpPictures.take(page, page.locator("#assign-programme"), page.locator("form[action$='#assign-programme']"),
                    "specialist-assign", lang);
            page.navigate(base + "reviews/" + done);
            page.locator("#f-decision-approved").check();
            page.getByLabel(t.t("review.comment")).fill(w.get(9));
            HelpPictures.take(page, page.locator("#decision"), "specialist-review", lang);
            page.navigate(base + "groups/" + group + "/moderation");
            assertThat(page.locator("ul.reports > li")).hasCount(2);
            HelpPictures.take(page, page.locator("#queue"), page.locator("ul.reports"), "specialist-moderation", lang);
        }
    }

    private void adminPictures(Texts t, String lang, Rehab.Team team) {
        Api.Account admin = Api.create("ADMIN", lang, "Sari Mäkinen");
        team.specialist().as().get("/api/v1/assignments?clientId=" + team.client().id()).then().statusCode(200);
        try (BrowserContext window = chromium.signedIn(t.locale(), admin.username(), base)) {
            Page page = window.newPage();
            page.navigate(base + "users");
            HelpPictures.take(page, page.locator("#new-account"), page.locator("section[aria-labelledby=new-account] form"),
                    "admin-create", lang);
            page.navigate(base + "users?q=" + team.specialist().username());
            page.setViewportSize(HelpPictures.WIDTH, 1200); // the table scrolls in its box at a phone's width: show the button
            button(page, t.t("users.mfa-reset.label", "Eeva Niemi"))
                    .evaluate("e => e.scrollIntoView({ block: 'nearest', inline: 'center' })");
            HelpPictures.take(page, page.locator("#account-list + form + p"), page.locator("section[aria-labelledby=account-list] table"),
                    "admin-mfa-reset", lang);
            page.navigate(base + "admin/access-log");
            page.getByLabel(t.t("accesslog.admin.field.client")).fill(team.client().username());
            button(page, t.t("accesslog.admin.submit")).click();
            assertThat(page.locator("table tbody")).containsText("Eeva Niemi");
            HelpPictures.take(page, page.locator("#audit-results"), page.locator("#audit-results ~ div, #audit-results ~ table").first(),
                    "admin-access-log", lang);
        }
    }

    /** Each guide page shows its pictures, loaded, each with the text that says what it shows; the page is accessible. */
    private void guidesShowThePictures(Texts t, String lang) {
        try (BrowserContext window = chromium.context(t.locale())) {
            Page page = window.newPage();
            for (HelpGuides.Guide guide : HelpGuides.ALL) {
                page.navigate(base + guide.href().substring(1) + "?lang=" + lang);
                assertThat(page.locator("h1")).hasText(t.t(guide.titleKey()));
                Locator pictures = page.locator("img.guide-picture");
                assertThat(pictures).hasCount(guide.pictures().size());
                for (int i = 0; i < guide.pictures().size(); i++) {
                    HelpGuides.Picture picture = guide.pictures().get(i);
                    Locator img = pictures.nth(i);
                    assertThat(img).hasAttribute("alt", t.t(picture.altKey()));
                    img.scrollIntoViewIfNeeded();
                    if (!HelpPictures.UPDATE) { // a rewritten picture reaches the server at the next build
                        assertEquals(HelpPictures.WIDTH, ((Number) img.evaluate(
                                "e => e.decode().then(() => e.naturalWidth, () => 0)")).intValue(), picture.src(lang));
                    }
                }
                BrowserSupport.assertAccessible(page);
                if ("client".equals(guide.role())) {
                    TouchTargets.assertLargeEnough(page);
                }
            }
        }
    }
}
