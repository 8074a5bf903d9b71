package fi.askel.content.authoring;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Authors upload pictures into a draft's read and exercise steps, over the API and with the editor's plain form: told
 * by their bytes, stripped of metadata, described in every language, and carried into the published version, the
 * export and the import.
 */
@QuarkusTest
class DraftPictureUploadTest {

    static final Map<String, String> ALT = Map.of("fi", "Sininen neliö", "sv", "En blå kvadrat", "en", "A blue square");
    static final String GPS = "GPSLatitude 60.1699 N";

    @Test
    void a_wrong_type_a_too_large_picture_and_a_missing_description_are_refused_and_nothing_is_saved() throws IOException {
        Api.Account author = Authors.author();
        long id = Authors.complete(author);
        int revision = revision(author, id);

        byte[] gif = "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);
        attach(author, id, revision, 0, "photo.png", gif, ALT).then().statusCode(415)
                .body("violations.field", hasItem("picture")).body("detail", containsString("PNG, JPEG, WebP or SVG"));

        byte[] large = Arrays.copyOf(png(true), 600 * 1024);
        attach(author, id, revision, 0, "photo.png", large, ALT).then().statusCode(413)
                .body("detail", containsString("at most 512 KB"));

        Map<String, String> noSwedish = new HashMap<>(ALT);
        noSwedish.put("sv", " ");
        attach(author, id, revision, 0, "photo.png", png(true), noSwedish).then().statusCode(400)
                .body("violations.field", hasItem("alt")).body("violations.message", hasItem(containsString("Swedish (sv)")));

        // A checklist step shows no pictures.
        attach(author, id, revision, 1, "photo.png", png(true), ALT).then().statusCode(400)
                .body("violations.message", hasItem(containsString("read and exercise")));

        JsonPath after = draft(author, id);
        assertEquals(revision, after.getInt("revision"), "no refused upload saved the draft");
        assertNull(after.get("definition.steps[0].images"), "no picture was attached");
    }

    @Test
    void an_uploaded_picture_loses_its_metadata_is_published_with_its_description_and_served_with_its_type() throws IOException {
        Api.Account author = Authors.author();
        Api.Account reviewer = Authors.author();
        long id = Authors.complete(author);
        String slug = Authors.slug(author, id);
        JsonPath attached = attach(author, id, revision(author, id), 0, "My Photo (1).PNG", png(true), ALT).then()
                .statusCode(201).extract().jsonPath();
        assertEquals("my-photo-1.png", attached.getString("definition.steps[0].images[0].file"));
        assertEquals(List.of(), attached.getList("problems"));

        // The editor and its preview show it from the draft; the bytes served have no GPS text and still decode.
        Browser page = new Browser().language("en").signIn(author.username(), Api.PASSWORD);
        String editor = page.get("/authoring/drafts/" + id + "/steps/0").then().statusCode(200).extract().asString();
        assertTrue(editor.contains("value=\"my-photo-1.png\""), editor);
        String preview = page.get("/authoring/drafts/" + id + "/preview?step=0&lang=sv").asString();
        String draftUrl = src(preview, "En blå kvadrat");
        assertTrue(draftUrl.startsWith("/authoring/drafts/" + id + "/images/"), draftUrl);
        byte[] served = page.get(draftUrl).then().statusCode(200).header("Content-Type", "image/png").extract().asByteArray();
        assertFalse(new String(served, StandardCharsets.ISO_8859_1).contains(GPS), "the GPS text is gone");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(served));
        assertEquals(6, image.getWidth());

        // Another draft does not serve it.
        long other = Authors.complete(author);
        page.get(draftUrl.replace("/drafts/" + id + "/", "/drafts/" + other + "/")).then().statusCode(404);
        // A client does not reach a draft's pictures.
        Api.Account client = Api.create("CLIENT");
        Browser clientPage = new Browser().language("en").signIn(client.username(), Api.PASSWORD);
        assertEquals(403, clientPage.get(draftUrl).statusCode());

        Authors.review(author, id, "", null).then().statusCode(200);
        Authors.review(reviewer, id, "/approve", null).then().statusCode(200).body("status", equalTo("PUBLISHED"));

        String modulePage = clientPage.get("/modules/" + slug).then().statusCode(200).extract().asString();
        String url = src(modulePage, "Sininen neliö"); // the client reads Finnish
        assertTrue(url.startsWith("/api/v1/modules/" + slug + "/1/images/"), url);
        Response picture = clientPage.get(url);
        picture.then().statusCode(200).header("Content-Type", "image/png").header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", containsString("immutable"));
        assertTrue(Arrays.equals(served, picture.asByteArray()), "the published version serves the draft's picture");
        client.as().get("/api/v1/modules/" + slug + "?lang=fi").then().statusCode(200)
                .body("steps[0].images[0].alt", equalTo("Sininen neliö"));

        // Its next version, copied from the published one, has the picture too.
        long next = Authors.copyOf(author, slug);
        assertEquals("my-photo-1.png", draft(author, next).getString("definition.steps[0].images[0].file"));
        page.get(draftUrl.replace("/drafts/" + id + "/", "/drafts/" + next + "/")).then().statusCode(200)
                .header("Content-Type", "image/png");
    }

    @Test
    void a_draft_with_an_uploaded_picture_exports_and_imports_as_a_new_draft_with_the_same_picture() throws IOException {
        Api.Account author = Authors.author();
        long id = Authors.complete(author);
        String slug = Authors.slug(author, id);
        byte[] jpeg = jpeg();
        attach(author, id, revision(author, id), 0, "Kuva.jpg", jpeg, ALT).then().statusCode(201);
        byte[] zip = author.as().get("/api/v1/authoring/drafts/" + id + "/export").then().statusCode(200).extract().asByteArray();
        Map<String, byte[]> files = Zips.unzip(zip);
        byte[] exported = files.get(slug + "/kuva.jpg");
        assertNotNull(exported, "the zip holds the picture: " + files.keySet());
        assertFalse(new String(exported, StandardCharsets.ISO_8859_1).contains(GPS), "exported without its EXIF");
        assertNotNull(ImageIO.read(new ByteArrayInputStream(exported)));

        JsonPath imported = author.as().contentType("application/zip").body(zip).post("/api/v1/authoring/drafts/import").then()
                .statusCode(201).extract().jsonPath();
        long copy = imported.getLong("id");
        assertEquals("kuva.jpg", imported.getString("definition.steps[0].images[0].file"));
        assertEquals("En blå kvadrat", imported.getString("definition.steps[0].images[0].alt.sv"));
        assertEquals(List.of(), imported.getList("problems"));
        Browser page = new Browser().language("en").signIn(author.username(), Api.PASSWORD);
        String url = src(page.get("/authoring/drafts/" + copy + "/preview?step=0&lang=en").asString(), "A blue square");
        byte[] served = page.get(url).then().statusCode(200).header("Content-Type", "image/jpeg").extract().asByteArray();
        assertTrue(Arrays.equals(exported, served), "the imported draft holds the same picture");
    }

    @Test
    void a_zip_with_a_picture_that_is_no_picture_is_refused_naming_it_and_no_draft_is_made() throws IOException {
        Api.Account author = Authors.author();
        long id = Authors.complete(author);
        String slug = Authors.slug(author, id);
        Map<String, byte[]> files = Zips.unzip(author.as().get("/api/v1/authoring/drafts/" + id + "/export").then()
                .statusCode(200).extract().asByteArray());
        String manifest = new String(files.get(slug + "/module.yaml"), StandardCharsets.UTF_8).replaceFirst(
                "(?m)^(  type: read)$", "$1\n  images:\n  - file: fake.png\n    alt: {fi: a, sv: b, en: c}");
        files.put(slug + "/module.yaml", manifest.getBytes(StandardCharsets.UTF_8));
        files.put(slug + "/fake.png", "%PDF-1.7 not a picture".getBytes(StandardCharsets.US_ASCII));
        int before = author.as().get("/api/v1/authoring/drafts").then().extract().jsonPath().getList("id").size();
        author.as().contentType("application/zip").body(Zips.zip(files)).post("/api/v1/authoring/drafts/import").then()
                .statusCode(422).body("violations.field", hasItem(slug + "/fake.png"))
                .body("violations.message", hasItem(containsString("PNG, JPEG, WebP or SVG")));
        assertEquals(before, author.as().get("/api/v1/authoring/drafts").then().extract().jsonPath().getList("id").size());
    }

    @Test
    void the_editors_plain_form_uploads_a_picture_and_a_missing_description_is_shown_at_its_field() throws IOException {
        Api.Account author = Authors.author();
        long id = Authors.complete(author);
        Browser page = new Browser().language("en").signIn(author.username(), Api.PASSWORD);
        String path = "/authoring/drafts/" + id + "/steps/0";
        String editor = page.get(path).asString();
        assertTrue(editor.contains("enctype=\"multipart/form-data\""), editor);

        Response refused = upload(page, editor, path, Map.of("alt.fi", "Sininen neliö", "alt.sv", "", "alt.en", "A blue square"));
        assertEquals(400, refused.statusCode());
        String html = refused.asString();
        assertTrue(html.contains("id=\"f-alt-error\"") && html.contains("Swedish (sv)"), html);
        assertTrue(html.contains("value=\"Sininen neliö\""), "what was typed is kept: " + html);
        assertNull(draft(author, id).get("definition.steps[0].images"));

        Response done = upload(page, page.get(path).asString(), path,
                Map.of("alt.fi", ALT.get("fi"), "alt.sv", ALT.get("sv"), "alt.en", ALT.get("en")));
        assertEquals(303, done.statusCode(), done.asString());
        assertEquals("photo.png", draft(author, id).getString("definition.steps[0].images[0].file"));
        String after = page.get(path + "?done=picture-added").asString();
        assertTrue(after.contains("Remove picture photo.png"), after);

        Map<String, String> remove = Map.of("file", "photo.png", "revision", String.valueOf(revision(author, id)));
        assertEquals(303, page.post(path + "/images/remove", remove).statusCode());
        assertNull(draft(author, id).get("definition.steps[0].images"));
    }

    private static Response upload(Browser page, String html, String path, Map<String, String> alt) throws IOException {
        Matcher csrf = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(html);
        Matcher revision = Pattern.compile("name=\"revision\" value=\"(\\d+)\"").matcher(html);
        assertTrue(csrf.find() && revision.find(), html);
        var spec = page.request().multiPart("csrf-token", csrf.group(1)).multiPart("revision", revision.group(1))
                .multiPart("picture", "photo.png", png(true), "application/octet-stream");
        for (Map.Entry<String, String> a : alt.entrySet()) {
            spec = spec.multiPart(new io.restassured.builder.MultiPartSpecBuilder(a.getValue()).controlName(a.getKey())
                    .charset(StandardCharsets.UTF_8).build());
        }
        return spec.post(path + "/images");
    }

    static Response attach(Api.Account author, long id, int revision, int index, String name, byte[] bytes,
            Map<String, String> alt) {
        return author.as().body(Map.of("revision", revision, "fileName", name, "data", Base64.getEncoder().encodeToString(bytes),
                "alt", alt)).post("/api/v1/authoring/drafts/" + id + "/steps/" + index + "/images");
    }

    private static int revision(Api.Account author, long id) {
        return draft(author, id).getInt("revision");
    }

    private static JsonPath draft(Api.Account author, long id) {
        return author.as().get("/api/v1/authoring/drafts/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** The src of the img whose alt text is {@code alt}. */
    private static String src(String html, String alt) {
        Matcher m = Pattern.compile("<img[^>]*src=\"([^\"]+)\"[^>]*alt=\"" + Pattern.quote(alt) + "\"").matcher(html);
        assertTrue(m.find(), "an image described \"" + alt + "\" in " + html);
        return m.group(1);
    }

    /** A 6×4 PNG, with a text chunk holding a GPS position when {@code tagged}. */
    static byte[] png(boolean tagged) throws IOException {
        BufferedImage image = new BufferedImage(6, 4, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0x3366cc);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        byte[] png = out.toByteArray();
        return tagged ? fi.askel.content.ImageMetadataTest.ImagePictures.pngWithChunks(png,
                fi.askel.content.ImageMetadataTest.chunk("tEXt", "Comment\0" + GPS)) : png;
    }

    /** A JPEG with an EXIF segment holding a GPS position. */
    static byte[] jpeg() throws IOException {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return fi.askel.content.ImageMetadataTest.ImagePictures.jpegWithSegments(out.toByteArray(),
                fi.askel.content.ImageMetadataTest.segment(0xe1, "Exif\0\0" + GPS));
    }
}
