package fi.askel.common.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * CSS, scripts and images from {@code frontend/static} (on the classpath as {@code static/}).
 * Each file is read once and kept with its ETag; browsers revalidate and get 304s.
 */
@Path("/static")
@PermitAll
public class StaticFiles {

    private static final Pattern SAFE = Pattern.compile("^[a-zA-Z0-9_-]+(/[a-zA-Z0-9_-]+)*\\.[a-z0-9]+$");
    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon", "woff2", "font/woff2");

    private record File(byte[] bytes, String etag, String type) {}

    private final Map<String, Optional<File>> cache = new ConcurrentHashMap<>();

    @GET
    @Path("{file: .+}")
    public Response get(@PathParam("file") String name, @HeaderParam("If-None-Match") String ifNoneMatch) {
        Optional<File> file = SAFE.matcher(name).matches() ? cache.computeIfAbsent(name, StaticFiles::load) : Optional.empty();
        if (file.isEmpty()) {
            return Response.status(404).type("text/plain").entity("Not found").build();
        }
        File f = file.get();
        if (f.etag().equals(ifNoneMatch)) {
            return Response.notModified().tag(f.etag().replace("\"", "")).build();
        }
        return Response.ok(f.bytes(), f.type()).header("ETag", f.etag())
                .header("Cache-Control", "public, max-age=300, must-revalidate").build();
    }

    private static Optional<File> load(String name) {
        String ext = name.substring(name.lastIndexOf('.') + 1);
        String type = TYPES.get(ext);
        if (type == null) {
            return Optional.empty();
        }
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream("static/" + name)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            String etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8) + "\"";
            return Optional.of(new File(bytes, etag, type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
