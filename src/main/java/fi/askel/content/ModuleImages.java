package fi.askel.content;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The illustrations of a module version as a browser fetches them. Only a file the version declares is
 * served, and only while the file still has the content hash its URL names: the same URL never gives
 * other bytes, so it may be cached for good. Each file is read once. A version published in the browser may also
 * serve the pictures uploaded into its draft ({@link PublishedImages}).
 */
@ApplicationScoped
public class ModuleImages {

    /** An image to send. */
    public record Served(byte[] bytes, ImageFiles.Kind kind) {}

    private final ModuleCatalog catalog;
    private final PublishedImages published;
    /** By hash, slug and file: a few small files per module, each checked when the loader read it. */
    private final Map<String, Served> read = new ConcurrentHashMap<>();

    public ModuleImages(ModuleCatalog catalog, PublishedImages published) {
        this.catalog = catalog;
        this.published = published;
    }

    /** The start of the URLs of a module version's images; the hash and file name follow. */
    static String url(String slug, int version) {
        return "/api/v1/modules/" + slug + "/" + version + "/images/";
    }

    /** Empty for an unknown module, version or file, or a hash the file does not have (any more). */
    public Optional<Served> find(String slug, int version, String hash, String file) {
        ImageFiles.Kind kind = ImageFiles.Kind.ofName(file);
        if (kind == null || !YamlFields.KEY.matcher(slug).matches() || !hash.matches("^[0-9a-f]{16}$")) {
            return Optional.empty();
        }
        boolean declared = catalog.find(slug, version).stream().flatMap(m -> m.steps().stream())
                .flatMap(s -> s.images().stream()).anyMatch(i -> i.file().equals(file) && i.hash().equals(hash));
        if (!declared) {
            return Optional.empty();
        }
        Served cached = read.get(hash + "/" + slug + "/" + file);
        if (cached != null) {
            return Optional.of(cached);
        }
        // A version published in the browser: a picture uploaded into its draft, else one its module ships.
        Served found = published.find(slug, version, file, hash).map(b -> new Served(b, kind))
                .orElseGet(() -> load(slug, file, hash, kind));
        if (found != null) {
            read.put(hash + "/" + slug + "/" + file, found);
        }
        return Optional.ofNullable(found);
    }

    private static final java.util.regex.Pattern URL = java.util.regex.Pattern.compile(
            "^/api/v1/modules/([^/]+)/(\\d{1,9})/images/([0-9a-f]{16})/([^/]+)$");

    /**
     * The picture at a URL of {@link #url} as a data URI, for a document that can't fetch it (the summary PDF): empty for
     * another URL, an unknown picture, or a WebP picture (the PDF renderer reads PNG, JPEG and, with Batik, SVG).
     */
    public Optional<String> dataUri(String url) {
        java.util.regex.Matcher m = URL.matcher(url == null ? "" : url);
        if (!m.matches()) {
            return Optional.empty();
        }
        return find(m.group(1), Integer.parseInt(m.group(2)), m.group(3), m.group(4))
                .filter(served -> served.kind() != ImageFiles.Kind.WEBP)
                .map(served -> "data:" + served.kind().contentType() + ";base64,"
                        + java.util.Base64.getEncoder().encodeToString(served.bytes()));
    }

    /** A shipped file of the module's folder, when its content still has the hash. */
    public Served load(String slug, String file, String hash, ImageFiles.Kind kind) {
        Path path = catalog.dir().resolve(slug).resolve(file);
        try {
            if (!Files.isRegularFile(path) || Files.size(path) > ImageFiles.MAX_BYTES) {
                return null;
            }
            byte[] bytes = Files.readAllBytes(path);
            return ImageFiles.hash(bytes).equals(hash) ? new Served(bytes, kind) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
