package fi.askel.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.content.steps.ExerciseStep;
import fi.askel.content.steps.Image;
import fi.askel.content.steps.ReadStep;
import fi.askel.content.steps.Step;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A step's illustrations: the loader accepts PNG, SVG and WebP from the module's folder with alt text in
 * every language, and refuses the rest with the file and the line of the image in module.yaml.
 */
class ModuleImageLoaderTest {

    /** Line of "- file:" of the first image in {@link #manifest}. */
    private static final int IMAGE_LINE = 16;
    static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 400 200\">"
            + "<path d=\"M10 10 L100 100\" fill=\"none\" stroke=\"#000\"/></svg>";

    @TempDir
    Path root;

    @Test
    void png_svg_and_webp_load_with_their_size_and_content_hash() throws IOException {
        Path folder = module("""
                      - file: one.png
                        alt: {fi: Yksi, sv: Ett, en: One}
                      - file: two.svg
                        alt: {fi: Kaksi, sv: Två, en: Two}
                      - file: three.webp
                        alt: {fi: Kolme, sv: Tre, en: Three}
                """);
        Files.write(folder.resolve("one.png"), png(64, 32, 100));
        Files.writeString(folder.resolve("two.svg"), SVG);
        Files.write(folder.resolve("three.webp"), webp(120, 90));
        ModuleLoader.Result result = ModuleLoader.loadAll(root);
        assertEquals(List.of(), result.problems());
        ExerciseStep step = (ExerciseStep) result.modules().get(0).step("stretch").orElseThrow();
        List<Image> images = step.images();
        assertEquals(List.of("one.png", "two.svg", "three.webp"), images.stream().map(Image::file).toList());
        assertEquals(List.of(64, 400, 120), images.stream().map(Image::width).toList());
        assertEquals(List.of(32, 200, 90), images.stream().map(Image::height).toList());
        assertEquals("Två", images.get(1).alt().get("sv"));
        assertEquals(ImageFiles.hash(SVG.getBytes(StandardCharsets.UTF_8)), images.get(1).hash());
        assertTrue(((ReadStep) result.modules().get(0).step("intro").orElseThrow()).images().isEmpty());
    }

    @Test
    void a_read_step_takes_images_too() throws IOException {
        Path folder = module("");
        Files.writeString(folder.resolve("module.yaml"), Files.readString(folder.resolve("module.yaml")).replace(
                "    type: read\n", "    type: read\n    images:\n      - file: two.svg\n        alt: {fi: Kaksi, sv: Två, en: Two}\n"));
        Files.writeString(folder.resolve("two.svg"), SVG);
        ModuleLoader.Result result = ModuleLoader.loadAll(root);
        assertEquals(List.of(), result.problems());
        assertEquals(1, result.modules().get(0).step("intro").orElseThrow().images().size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no alt at all        | alt                                             | image 1 is missing \"alt\" (with fi, sv and en)",
            "no Swedish alt       | 'alt: {fi: Kuva, en: Picture}'                  | \"alt\" is missing the Swedish (sv) text",
            "empty English alt    | 'alt: {fi: Kuva, sv: Bild, en: \"\"}'           | \"en\" must be non-empty text",
    })
    void an_image_without_alt_text_in_every_language_is_refused(String name, String alt, String message) throws IOException {
        Path folder = module("- file: pic.svg\n" + (alt.equals("alt") ? "" : "  " + alt + "\n"));
        Files.writeString(folder.resolve("pic.svg"), SVG);
        assertRefused(message, alt.equals("alt") ? IMAGE_LINE : IMAGE_LINE + 1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing file         | gone.svg      | -         | image \"gone.svg\" is missing",
            "GIF                  | pic.gif       | svg       | image \"pic.gif\" must be a PNG, JPEG (.jpg), SVG or WebP file",
            "a folder above       | ../pic.svg    | -         | image \"../pic.svg\" must be a PNG, JPEG (.jpg), SVG or WebP file",
            "SVG named .png       | pic.png       | svg       | image \"pic.png\" is not a PNG image",
            "PNG named .svg       | pic.svg       | png       | image \"pic.svg\" is not an SVG image",
            "text named .webp     | pic.webp      | svg       | image \"pic.webp\" is not a WebP image",
            "HTML named .svg      | pic.svg       | html      | image \"pic.svg\" is not an SVG image: its root element is not <svg>",
            "too large            | pic.png       | large     | image \"pic.png\" is too large: 513 KB, at most 512 KB",
    })
    void a_missing_wrong_type_or_too_large_file_is_refused(String name, String file, String content, String message)
            throws IOException {
        Path folder = module("- file: " + file + "\n  alt: {fi: Kuva, sv: Bild, en: Picture}\n");
        byte[] bytes = switch (content) {
            case "svg" -> SVG.getBytes(StandardCharsets.UTF_8);
            case "png" -> png(10, 10, 0);
            case "html" -> "<html><body><p>hi</p></body></html>".getBytes(StandardCharsets.UTF_8);
            case "large" -> png(10, 10, 513 * 1024 - 24);
            default -> null;
        };
        if (bytes != null) {
            Files.write(folder.resolve(file), bytes);
        }
        Files.writeString(root.resolve("pic.svg"), SVG); // beside the module: still not the module's own file
        assertRefused(message, IMAGE_LINE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "script element       | <script>alert(1)</script>                                     | contains <script>",
            "event handler        | <circle r=`5` onload=`alert(1)`/>                              | event handler attribute onload",
            "foreignObject        | <foreignObject><div xmlns=`http://www.w3.org/1999/xhtml`>x</div></foreignObject> | contains <foreignObject>",
            "external use         | <use href=`https://example.org/a.svg#x`/>                      | external reference href=\"https://example.org/a.svg#x\"",
            "javascript link      | <a href=`javascript:alert(1)`><circle r=`5`/></a>               | external reference href=\"javascript:alert(1)\"",
            "external image       | <image href=`https://example.org/track.png`/>                  | contains <image>",
            "style with url       | <rect width=`5` height=`5` style=`fill:url(https://example.org/x)`/> | external reference url(https://example.org/x)",
            "style @import        | <style>@import url(#x);</style>                                | <style> with @import",
            "animation            | <set attributeName=`href` to=`javascript:alert(1)`/>            | contains <set>",
    })
    void an_svg_that_could_run_or_load_anything_is_refused(String name, String inner, String message) throws IOException {
        Path folder = module("- file: pic.svg\n  alt: {fi: Kuva, sv: Bild, en: Picture}\n");
        Files.writeString(folder.resolve("pic.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">"
                + inner.replace('`', '"') + "</svg>");
        assertRefused(message, IMAGE_LINE);
    }

    @Test
    void an_svg_with_a_doctype_or_without_a_viewbox_is_refused() throws IOException {
        Path folder = module("- file: pic.svg\n  alt: {fi: Kuva, sv: Bild, en: Picture}\n");
        Files.writeString(folder.resolve("pic.svg"), "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x \"y\">]>" + SVG);
        assertRefused("has a DOCTYPE", IMAGE_LINE);
        Files.writeString(folder.resolve("pic.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>");
        assertRefused("needs a viewBox", IMAGE_LINE);
    }

    @Test
    void only_read_and_exercise_steps_have_images() throws IOException {
        Path folder = module("- file: pic.svg\n  alt: {fi: Kuva, sv: Bild, en: Picture}\n");
        Files.writeString(folder.resolve("pic.svg"), SVG);
        Files.writeString(folder.resolve("module.yaml"), Files.readString(folder.resolve("module.yaml")) + """
                  - key: thoughts
                    type: reflection
                    title: {fi: Ajatukset, sv: Tankar, en: Thoughts}
                    prompt: {fi: Mitä ajattelet, sv: Vad tänker du, en: What do you think}
                    images:
                      - file: pic.svg
                        alt: {fi: Kuva, sv: Bild, en: Picture}
                """);
        assertRefused("a reflection step has no field \"images\"", IMAGE_LINE + 10);
    }

    @Test
    void every_shipped_exercise_is_illustrated_and_a_picture_keeps_the_module_version() {
        ModuleLoader.Result shipped = ModuleLoader.loadAll(Path.of("exercises"));
        assertEquals(List.of(), shipped.problems());
        List<ExerciseStep> exercises = shipped.modules().stream().flatMap(m -> m.steps().stream())
                .filter(s -> s instanceof ExerciseStep).map(s -> (ExerciseStep) s).toList();
        assertTrue(exercises.size() >= 12, "the shipped exercises: " + exercises.size());
        for (ExerciseStep e : exercises) {
            assertEquals(1, e.images().size(), e.key() + " has its line drawing");
            Image image = e.images().get(0);
            assertEquals(e.key() + ".svg", image.file());
            for (String lang : List.of("fi", "sv", "en")) {
                String alt = image.alt().get(lang);
                assertTrue(alt.startsWith("1: ") && alt.contains(" 2: "), e.key() + " " + lang + " describes start and end: " + alt);
            }
            assertTrue(image.width() == 400 && image.height() == 200, e.key());
        }
        // A picture is not structure: the same module without its pictures hashes the same.
        Module neck = shipped.modules().stream().filter(m -> m.slug().equals("back-and-neck")).findFirst().orElseThrow();
        List<Step> bare = neck.steps().stream().map(s -> s instanceof ExerciseStep e
                ? (Step) new ExerciseStep(e.key(), e.title(), e.required(), e.body(), e.dose(), List.of(), e.log())
                : s).toList();
        assertEquals(StructureHash.of(neck), StructureHash.of(new Module(neck.slug(), neck.version(), neck.estimatedMinutes(),
                neck.themes(), neck.targetGroups(), neck.title(), neck.summary(), bare)));
    }

    private void assertRefused(String message, int line) {
        ModuleLoader.Result result = ModuleLoader.loadAll(root);
        assertTrue(result.modules().isEmpty(), "a module with a bad image must not load");
        ModuleProblem problem = result.problems().stream().filter(p -> p.message().contains(message)).findFirst()
                .orElseThrow(() -> new AssertionError("expected \"" + message + "\" in " + result.problems()));
        assertEquals("module.yaml", problem.file().getFileName().toString(), problem.toString());
        assertEquals(line, problem.line(), problem.toString());
    }

    /** A module with a read step and an exercise step whose images list is {@code images} (its entries, indented). */
    private Path module(String images) throws IOException {
        Path folder = Files.createDirectories(root.resolve("fixture"));
        String yaml = """
                slug: fixture
                version: 1
                estimatedMinutes: 10
                themes: [musculoskeletal]
                targetGroups: [all]
                title: {fi: Liike, sv: Rörelse, en: Movement}
                summary: {fi: Lyhyt kuvaus., sv: Kort beskrivning., en: A short description.}
                steps:
                  - key: stretch
                    type: exercise
                    title: {fi: Venyttely, sv: Stretching, en: Stretching}
                    dose:
                      reps: 5
                      daysPerWeek: 3
                    images:
                %s  - key: intro
                    type: read
                    title: {fi: Aluksi, sv: Först, en: First}
                """.formatted(images.isEmpty() ? "" : images.stripIndent().indent(6));
        if (images.isEmpty()) {
            yaml = yaml.replace("    images:\n", "");
        }
        Files.writeString(folder.resolve("module.yaml"), yaml);
        for (String key : List.of("stretch", "intro")) {
            for (String lang : List.of("fi", "sv", "en")) {
                Files.writeString(folder.resolve(key + "." + lang + ".md"), "Teksti " + lang + "\n");
            }
        }
        return folder;
    }

    /** A PNG signature and IHDR chunk of this size, then {@code padding} bytes. */
    static byte[] png(int width, int height, int padding) {
        ByteBuffer b = ByteBuffer.allocate(24 + padding).order(ByteOrder.BIG_ENDIAN);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        b.putInt(13).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height);
        return b.array();
    }

    /** A WebP header with a VP8X chunk of this canvas size. */
    static byte[] webp(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(22).put("WEBPVP8X".getBytes(StandardCharsets.US_ASCII));
        b.putInt(10).putInt(0);
        b.put((byte) (width - 1)).put((byte) ((width - 1) >> 8)).put((byte) 0);
        b.put((byte) (height - 1)).put((byte) ((height - 1) >> 8)).put((byte) 0);
        return b.array();
    }
}
