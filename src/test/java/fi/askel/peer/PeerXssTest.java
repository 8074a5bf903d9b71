package fi.askel.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every payload in XssPayloads, posted as a title and as bodies, is inert in the HTML page and in the API's html. */
@QuarkusTest
class PeerXssTest {

    private static final Pattern POST_BODY = Pattern.compile("<div class=\"markdown post-body\">(.*?)</div>", Pattern.DOTALL);

    @Test
    void payloads_render_inert_in_the_thread_page() {
        Api.Account specialist = Api.create("SPECIALIST");
        Api.Account attacker = Api.create("CLIENT");
        Api.Account victim = Api.create("CLIENT");
        long group = Peer.group(specialist, attacker, victim);
        // The specialist posts the payloads (moderators are not rate-limited); the first in a title too.
        long thread = Peer.thread(specialist, group, "<script>alert('title')</script> \"><img src=x onerror=alert(1)>",
                XssPayloads.LIST.get(0));
        for (String payload : XssPayloads.LIST) {
            Peer.post(specialist, thread, "Look: " + payload);
        }
        Peer.thread(attacker, group, "<svg/onload=alert(2)>", "[x](javascript:alert(3)) <iframe src=https://evil.example>");

        Browser browser = new Browser().signIn(victim.username(), Api.PASSWORD);
        List<String> problems = new ArrayList<>();
        int bodies = 0;
        for (int page = 0; page < 3; page++) {
            String html = browser.get("/threads/" + thread + "?page=" + page).then().statusCode(200).extract().asString();
            problems.addAll(XssPayloads.pageProblems(html).stream().map(p -> "page: " + p).toList());
            Matcher m = POST_BODY.matcher(html);
            while (m.find()) {
                bodies++;
                problems.addAll(XssPayloads.problems(m.group(1)).stream().map(p -> "post: " + p).toList());
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(XssPayloads.LIST.size() + 1, bodies);
        String groupPage = browser.get("/groups/" + group).then().statusCode(200).extract().asString();
        assertEquals(List.of(), XssPayloads.pageProblems(groupPage));
        assertTrue(groupPage.contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;")
                || groupPage.contains("&lt;script&gt;alert('title')&lt;/script&gt;"), "the title is shown as text");

        String json = victim.as().get("/api/v1/threads/" + thread + "?page=0").asString();
        for (String html : victim.as().get("/api/v1/threads/" + thread + "?page=1").jsonPath().<String>getList("posts.items.html")) {
            assertEquals(List.of(), XssPayloads.problems(html), html);
        }
        assertTrue(json.contains("\\u003Cscript\\u003E") || json.contains("<script>"), "the raw body is kept for editing");
    }
}
