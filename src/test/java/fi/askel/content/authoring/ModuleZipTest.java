package fi.askel.content.authoring;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.content.Module;
import fi.askel.support.Api;
import fi.askel.support.Browser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Providers exchange modules as zips of one exercises/ folder: downloaded as files, uploaded as a draft, checked first. */
@QuarkusTest
class ModuleZipTest {

    @Test
    void a_shipped_module_downloads_as_its_folder_and_imports_as_a_draft_equal_to_a_copy() throws IOException {
        Api.Account author = Authors.author();
        Response download = zipOf(author, "/api/v1/authoring/modules/back-and-neck/export");
        assertEquals("attachment; filename=\"back-and-neck.zip\"", download.getHeader("Content-Disposition"));
        Map<String, byte[]> files = Zips.unzip(download.asByteArray());
        Map<String, byte[]> shipped = Zips.folder(Zips.EXERCISES.resolve("back-and-neck"));
        assertEquals(shipped.keySet().stream().map(n -> "back-and-neck/" + n).toList(), List.copyOf(files.keySet()));
        shipped.forEach((name, bytes) -> assertArrayEquals(bytes, files.get("back-and-neck/" + name), name + " byte for byte"));
        Module loaded = Zips.load(files);
        assertEquals("back-and-neck", loaded.slug());

        int drafts = draftCount(author);
        Response imported = upload(author, download.asByteArray());
        assertEquals(201, imported.statusCode(), imported.asString());
        JsonPath draft = imported.jsonPath();
        assertEquals("back-and-neck", draft.getString("basedOnSlug"), "a module the catalogue has: its next version");
        assertEquals(List.of(), draft.getList("problems"));
        assertEquals(drafts + 1, draftCount(author));
        long copy = Authors.copyOf(author, "back-and-neck");
        assertEquals(Authors.definition(author, copy), Authors.definition(author, draft.getLong("id")),
                "the imported draft is the module as its files have it");

        // A draft downloads as a folder that loads too, and comes back the same.
        Response again = zipOf(author, "/api/v1/authoring/drafts/" + draft.getLong("id") + "/export");
        assertEquals(loaded.steps().size(), Zips.load(Zips.unzip(again.asByteArray())).steps().size());
        long back = upload(author, again.asByteArray()).then().statusCode(201).extract().jsonPath().getLong("id");
        assertEquals(Authors.definition(author, copy), Authors.definition(author, back));
    }

    @Test
    void a_module_under_a_new_name_becomes_a_new_module_draft() throws IOException {
        Api.Account author = Authors.author();
        String slug = Api.unique("imported").replaceAll("[^a-z0-9-]", "-");
        Map<String, byte[]> files = renamed(Zips.unzip(zipOf(author, "/api/v1/authoring/modules/getting-ready/export").asByteArray()),
                "getting-ready", slug);
        JsonPath draft = upload(author, Zips.zip(files)).then().statusCode(201).extract().jsonPath();
        assertEquals(slug, draft.getString("slug"));
        assertNull(draft.getString("basedOnSlug"), "a name the catalogue does not have: a new module");
    }

    @Test
    void a_broken_module_names_file_line_and_field_and_nothing_is_saved() throws IOException {
        Api.Account author = Authors.author();
        byte[] original = zipOf(author, "/api/v1/authoring/modules/getting-ready/export").asByteArray();
        Map<String, byte[]> files = Zips.unzip(original);
        String manifest = new String(files.get("getting-ready/module.yaml"), StandardCharsets.UTF_8);
        int line = lineOf(manifest, "estimatedMinutes:");
        files.put("getting-ready/module.yaml", manifest.replaceFirst("estimatedMinutes: \\d+", "estimatedMinutes: lots")
                .getBytes(StandardCharsets.UTF_8));
        int drafts = draftCount(author);

        JsonPath refused = upload(author, Zips.zip(files)).then().statusCode(422).contentType("application/problem+json")
                .extract().jsonPath();
        assertEquals("getting-ready/module.yaml", refused.getString("violations[0].file"), refused.prettify());
        assertEquals(line, refused.getInt("violations[0].line"));
        assertEquals("estimatedMinutes", refused.getString("violations[0].field"));
        assertTrue(refused.getString("violations[0].message").contains("must be a whole number"), refused.prettify());
        assertEquals(drafts, draftCount(author), "nothing saved");

        // The page lists it next to the upload, tied to the file input.
        Browser page = new Browser().language("en").signIn(author.username(), Api.PASSWORD);
        String html = page.get("/authoring").asString();
        String shown = pageUpload(page, html, Zips.zip(files)).then().statusCode(422).extract().asString();
        assertTrue(shown.contains("getting-ready/module.yaml, line " + line + ", field estimatedMinutes:"), shown);
        assertTrue(shown.contains("aria-describedby=\"f-zip-hint f-zip-error\"") && shown.contains("aria-invalid=\"true\""), shown);
        assertTrue(shown.contains("<a href=\"#f-zip\">"), "the error summary links to the upload");
        assertEquals(drafts, draftCount(author));

        // Fixed, the same upload makes a draft of the module's next version, and the author is told so.
        Response done = pageUpload(page, shown, original);
        assertEquals(303, done.statusCode(), done.asString());
        assertTrue(done.getHeader("Location").endsWith("?done=imported-version"), done.getHeader("Location"));
        assertTrue(page.get(done.getHeader("Location")).asString().contains("Imported as a draft of the next version"));
        assertEquals(drafts + 1, draftCount(author));
    }

    @Test
    void hostile_zips_are_refused_naming_the_entry_and_nothing_is_saved() throws IOException {
        Api.Account author = Authors.author();
        int drafts = draftCount(author);
        byte[] good = zipOf(author, "/api/v1/authoring/modules/getting-ready/export").asByteArray();

        refused(author, Zips.zip(Map.of("getting-ready/module.yaml", "x".getBytes(), "getting-ready/../../evil.fi.md", "x".getBytes())),
                400, "getting-ready/../../evil.fi.md", "outside its folder");
        refused(author, Zips.zip(Map.of("/etc/evil.fi.md", "x".getBytes())), 400, "/etc/evil.fi.md", "not a plain path");
        refused(author, Zips.zip(Map.of("getting-ready/sub/welcome.fi.md", "x".getBytes())), 400, "getting-ready/sub/welcome.fi.md",
                "folder inside");
        refused(author, Zips.zip(Map.of("getting-ready/module.yaml", "x".getBytes(), "other/module.yaml", "x".getBytes())), 400,
                "other/module.yaml", "more than one folder");
        byte[] twice = Zips.zip(Map.of("getting-ready/x1.fi.md", "a".getBytes(), "getting-ready/x2.fi.md", "b".getBytes()));
        refused(author, Zips.replace(twice, "x2.fi.md", "x1.fi.md"), 400, "getting-ready/x1.fi.md", "twice");
        refused(author, Zips.symlink(Zips.zip(Map.of("getting-ready/welcome.fi.md", "../../../etc/passwd".getBytes()))), 400,
                "getting-ready/welcome.fi.md", "symbolic link");
        Map<String, byte[]> bomb = new LinkedHashMap<>(Zips.unzip(good));
        bomb.put("getting-ready/welcome.fi.md", new byte[20 * 1024 * 1024]);
        byte[] bombZip = Zips.zip(bomb);
        assertTrue(bombZip.length < 100_000, "a small zip that unpacks to 20 MB");
        refused(author, bombZip, 400, "getting-ready/welcome.fi.md", "unpacks to more than");
        Map<String, byte[]> many = new TreeMap<>();
        for (int i = 0; i < 201; i++) {
            many.put("getting-ready/t" + i + ".fi.md", "x".getBytes());
        }
        refused(author, Zips.zip(many), 400, null, "more than 200 entries");
        refused(author, new byte[1_000_100], 413, null, "too large");
        refused(author, "just text, not a zip".getBytes(), 400, null, "not a zip");
        author.as().body("{}").post("/api/v1/authoring/drafts/import").then().statusCode(415);
        assertEquals(drafts, draftCount(author), "nothing saved");
    }

    @Test
    void pictures_pass_the_image_checks_and_a_changed_one_becomes_the_drafts_own() throws IOException {
        Api.Account author = Authors.author();
        int drafts = draftCount(author);
        Map<String, byte[]> files = Zips.unzip(zipOf(author, "/api/v1/authoring/modules/back-and-neck/export").asByteArray());

        Map<String, byte[]> notSvg = new LinkedHashMap<>(files);
        notSvg.put("back-and-neck/chin-tuck.svg", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0});
        JsonPath wrongType = upload(author, Zips.zip(notSvg)).then().statusCode(422).extract().jsonPath();
        assertTrue(wrongType.getString("detail").contains("Upload a PNG, JPEG, WebP or SVG picture"), wrongType.prettify());
        assertEquals("back-and-neck/chin-tuck.svg", wrongType.getString("violations[0].file"));

        // A real PNG under an SVG's name: a picture, but not what its name says, in the loader's words.
        Map<String, byte[]> pngAsSvg = new LinkedHashMap<>(files);
        pngAsSvg.put("back-and-neck/chin-tuck.svg", DraftPictureUploadTest.png(false));
        JsonPath misnamed = upload(author, Zips.zip(pngAsSvg)).then().statusCode(422).extract().jsonPath();
        assertTrue(misnamed.getString("detail").contains("image \"chin-tuck.svg\" is not an SVG image"), misnamed.prettify());
        assertEquals("back-and-neck/module.yaml", misnamed.getString("violations[0].file"));

        Map<String, byte[]> changed = new LinkedHashMap<>(files);
        changed.put("back-and-neck/chin-tuck.svg", new String(files.get("back-and-neck/chin-tuck.svg"), StandardCharsets.UTF_8)
                .replace("</svg>", "<circle cx=\"1\" cy=\"1\" r=\"1\"/></svg>").getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> extra = new LinkedHashMap<>(files);
        extra.put("back-and-neck/nobody-uses-this.fi.md", "Hei".getBytes(StandardCharsets.UTF_8));
        upload(author, Zips.zip(extra)).then().statusCode(422).body("violations.file", org.hamcrest.Matchers.hasItem(
                "back-and-neck/nobody-uses-this.fi.md"));
        assertEquals(drafts, draftCount(author), "nothing saved");

        // A picture that differs from the shipped one is checked as an upload is and kept as the draft's own.
        JsonPath differs = upload(author, Zips.zip(changed)).then().statusCode(201).extract().jsonPath();
        assertEquals(List.of(), differs.getList("problems"), differs.prettify());
        byte[] exported = Zips.unzip(zipOf(author, "/api/v1/authoring/drafts/" + differs.getLong("id") + "/export").asByteArray())
                .get("back-and-neck/chin-tuck.svg");
        assertTrue(new String(exported, StandardCharsets.UTF_8).contains("<circle cx=\"1\""), "the draft has the changed one");
    }

    @Test
    void without_the_authoring_permission_nothing_is_exported_or_imported() throws IOException {
        Api.Account author = Authors.author();
        byte[] zip = zipOf(author, "/api/v1/authoring/modules/getting-ready/export").asByteArray();
        long draft = Authors.newDraft(author);
        int drafts = draftCount(author);
        for (Api.Account other : List.of(Api.create("SPECIALIST", "en"), Api.create("CLIENT", "en"), Api.admin())) {
            given().auth().oauth2(other.token()).get("/api/v1/authoring/modules/getting-ready/export").then().statusCode(403);
            given().auth().oauth2(other.token()).get("/api/v1/authoring/drafts/" + draft + "/export").then().statusCode(403);
            given().auth().oauth2(other.token()).contentType("application/zip").body(zip)
                    .post("/api/v1/authoring/drafts/import").then().statusCode(403);
        }
        given().contentType("application/zip").body(zip).post("/api/v1/authoring/drafts/import").then().statusCode(401);
        assertEquals(drafts, draftCount(author));
    }

    private static void refused(Api.Account author, byte[] zip, int status, String entry, String says) {
        JsonPath body = upload(author, zip).then().statusCode(status).extract().jsonPath();
        String violations = body.getString("violations");
        if (entry != null) {
            assertTrue(body.getList("violations.file").contains(entry), violations);
        }
        assertTrue(body.getString("detail").contains(says), body.getString("detail"));
    }

    private static Response upload(Api.Account author, byte[] zip) {
        return given().auth().oauth2(author.token()).contentType("application/zip").accept("application/json").body(zip)
                .post("/api/v1/authoring/drafts/import");
    }

    private static Response pageUpload(Browser page, String html, byte[] zip) {
        Matcher csrf = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(csrf.find());
        return page.request().multiPart("csrf-token", csrf.group(1)).multiPart("zip", "module.zip", zip, "application/zip")
                .post("/authoring/drafts/import");
    }

    private static Response zipOf(Api.Account author, String path) {
        Response r = given().auth().oauth2(author.token()).accept("application/zip").get(path);
        assertEquals(200, r.statusCode(), r.asString());
        assertEquals("application/zip", r.getContentType());
        return r;
    }

    private static int draftCount(Api.Account author) {
        return author.as().get("/api/v1/authoring/drafts").then().statusCode(200).extract().jsonPath().getList("").size();
    }

    private static Map<String, byte[]> renamed(Map<String, byte[]> files, String from, String to) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        files.forEach((name, bytes) -> out.put(name.replaceFirst("^" + from + "/", to + "/"), name.endsWith("module.yaml")
                ? new String(bytes, StandardCharsets.UTF_8).replace("slug: " + from, "slug: " + to).getBytes(StandardCharsets.UTF_8)
                : bytes));
        return out;
    }

    private static int lineOf(String text, String start) {
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(start)) {
                return i + 1;
            }
        }
        throw new AssertionError(start);
    }
}
