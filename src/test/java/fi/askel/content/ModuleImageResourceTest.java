package fi.askel.content;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The illustrations of shipped modules as a browser fetches them: for signed-in users only, with their type,
 * kept for good (the URL names the content), an SVG under a policy that lets nothing run; nothing else in
 * or beside the module's folder can be fetched this way.
 */
@QuarkusTest
class ModuleImageResourceTest {

    @Test
    void a_client_gets_an_exercise_illustration_with_its_type_and_cache_and_svg_policy() throws Exception {
        Api.Account client = Api.create("CLIENT", "sv");
        Map<String, Object> image = chinTuck(client, "sv");
        assertTrue(image.get("alt").toString().contains("hakan"), "Swedish alt text: " + image);
        String url = image.get("url").toString();
        byte[] body = client.as().accept("*/*").get(url).then().statusCode(200)
                .contentType("image/svg+xml")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, max-age=31536000, immutable")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .extract().asByteArray();
        assertArrayEquals(Files.readAllBytes(Path.of("exercises/back-and-neck/chin-tuck.svg")), body);
        assertTrue(url.matches("^/api/v1/modules/back-and-neck/\\d+/images/[0-9a-f]{16}/chin-tuck\\.svg$"), url);
        assertEquals(400, image.get("width"));
        assertEquals(200, image.get("height"));
        Api.create("SPECIALIST").as().accept("*/*").get(url).then().statusCode(200);
    }

    @Test
    void nobody_signed_out_gets_an_illustration() {
        String url = chinTuck(Api.create("CLIENT"), "fi").get("url").toString();
        given().redirects().follow(false).get(url).then().statusCode(401);
    }

    @Test
    void an_unknown_module_version_file_or_hash_is_404() {
        Api.Account client = Api.create("CLIENT");
        String url = chinTuck(client, "fi").get("url").toString();
        String[] p = url.split("/"); // "", api, v1, modules, slug, version, images, hash, file
        String version = p[5];
        String hash = p[7];
        for (String wrong : List.of(
                "/api/v1/modules/no-such-module/1/images/" + hash + "/chin-tuck.svg",
                "/api/v1/modules/back-and-neck/999/images/" + hash + "/chin-tuck.svg",
                "/api/v1/modules/back-and-neck/x/images/" + hash + "/chin-tuck.svg",
                "/api/v1/modules/back-and-neck/" + version + "/images/" + hash + "/no-such.svg",
                "/api/v1/modules/back-and-neck/" + version + "/images/0123456789abcdef/chin-tuck.svg",
                "/api/v1/modules/sleep-and-recovery/" + version + "/images/" + hash + "/chin-tuck.svg")) {
            client.as().accept("*/*").get(wrong).then().statusCode(404);
        }
    }

    @Test
    void no_path_leads_out_of_the_declared_images() throws IOException {
        Api.Account client = Api.create("CLIENT");
        String url = chinTuck(client, "fi").get("url").toString();
        String base = url.substring(0, url.lastIndexOf('/') + 1);
        String slugBase = "/api/v1/modules/back-and-neck/";
        for (String raw : List.of(
                base + "chin-tuck.fi.md",
                base + "module.yaml",
                base + "..%2Fmodule.yaml",
                base + "%2e%2e%2f%2e%2e%2fpom.xml",
                base + "..%2F..%2F..%2F..%2Fpom.xml",
                base + "..%5c..%5cpom.xml",
                base + "%2Fetc%2Fpasswd",
                base + "chin-tuck.svg%00.png",
                slugBase + "1/images/..%2F..%2F..%2F..%2Fexercises/chin-tuck.svg",
                "/api/v1/modules/..%2Fback-and-neck/1/images/" + url.split("/")[7] + "/chin-tuck.svg",
                "/api/v1/modules/%2e%2e/1/images/" + url.split("/")[7] + "/module.yaml")) {
            int status = client.as().accept("*/*").urlEncodingEnabled(false).get(raw).then().extract().statusCode();
            assertTrue(status == 404 || status == 400, raw + " gave " + status);
        }
        // As written, with nothing normalised or decoded by a client library first.
        for (String raw : List.of(base + "../module.yaml", base + "..\\module.yaml", base + "../../../../../pom.xml",
                slugBase + "1/images/../../../../../pom.xml", base + "%252e%252e%252fmodule.yaml")) {
            String status = raw(raw, client.token()).lines().findFirst().orElse("");
            assertTrue(status.startsWith("HTTP/1.1 404") || status.startsWith("HTTP/1.1 400"), raw + ": " + status);
        }
        client.as().accept("*/*").get(url).then().statusCode(200).header("Content-Type", equalTo("image/svg+xml"));
    }

    private static String raw(String path, String token) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static Map<String, Object> chinTuck(Api.Account client, String lang) {
        JsonPath module = client.as().get("/api/v1/modules/back-and-neck?lang=" + lang).then().statusCode(200)
                .extract().jsonPath();
        return module.getMap("steps.find { it.key == 'chin-tuck' }.images[0]");
    }
}
