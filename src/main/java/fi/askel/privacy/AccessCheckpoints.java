package fi.askel.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.KeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Checkpoints of the access-log chain kept outside the database: after each sealed batch the head (place
 * and hash) is signed with the service's key and appended as one JSON line to a daily file
 * ({@code access-YYYY-MM-DD.log}, UTC days) and written to the log. A checkpoint's hash covers every event
 * before it, so someone who can write to the database but has not the key cannot rebuild the chain without
 * the check noticing. Plain Java, shared by the service and the command-line check.
 */
public final class AccessCheckpoints {

    static final String FILE_PREFIX = "access-";
    static final String FILE_SUFFIX = ".log";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One signed chain head. */
    public record Checkpoint(long seq, String hash, Instant sealedAt, long events, String alg, String sig) {

        String message() {
            return "askel-access-checkpoint-v1|" + seq + "|" + hash + "|" + sealedAt;
        }

        public String json() {
            ObjectNode o = JSON.createObjectNode();
            o.put("checkpoint", "askel-access-log");
            o.put("seq", seq);
            o.put("hash", hash);
            o.put("sealedAt", sealedAt.toString());
            o.put("events", events);
            o.put("alg", alg);
            o.put("sig", sig);
            return o.toString();
        }
    }

    /**
     * What the check compares: the newest checkpoint of each daily file, each with a valid signature.
     * {@code badSignature} is the first one whose signature does not hold (a forged or altered line).
     */
    public record Loaded(List<Checkpoint> checkpoints, Checkpoint badSignature, int files, int unreadableLines) {
        public static final Loaded NONE = new Loaded(List.of(), null, 0, 0);
    }

    private AccessCheckpoints() {}

    /** Signs the head with {@code key} (RSA, EC or Ed25519, whatever the service's key is). */
    public static Checkpoint sign(PrivateKey key, long seq, String hash, Instant sealedAt, long events) {
        String alg = algorithm(key);
        Checkpoint unsigned = new Checkpoint(seq, hash, sealedAt, events, alg, null);
        try {
            Signature s = Signature.getInstance(alg);
            s.initSign(key);
            s.update(unsigned.message().getBytes(StandardCharsets.UTF_8));
            return new Checkpoint(seq, hash, sealedAt, events, alg, Base64.getEncoder().encodeToString(s.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign the access-log checkpoint", e);
        }
    }

    static boolean signatureHolds(PublicKey key, Checkpoint cp) {
        try {
            if (cp.sig() == null || !algorithm(key).equals(cp.alg())) {
                return false;
            }
            Signature s = Signature.getInstance(cp.alg());
            s.initVerify(key);
            s.update(cp.message().getBytes(StandardCharsets.UTF_8));
            return s.verify(Base64.getDecoder().decode(cp.sig()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String algorithm(Key key) {
        return switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "EdDSA", "Ed25519" -> "Ed25519";
            default -> throw new IllegalStateException("Unsupported signing key: " + key.getAlgorithm());
        };
    }

    /** Appends the checkpoint to its day's file (several instances may append to one shared folder). */
    public static synchronized Path append(Path dir, Checkpoint cp) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(FILE_PREFIX + cp.sealedAt().atZone(ZoneOffset.UTC).toLocalDate() + FILE_SUFFIX);
            Files.writeString(file, cp.json() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the access-log checkpoint to " + dir, e);
        }
    }

    static Checkpoint parse(String line) {
        try {
            JsonNode o = JSON.readTree(line);
            if (o == null || !"askel-access-log".equals(o.path("checkpoint").asText())) {
                return null;
            }
            return new Checkpoint(o.get("seq").asLong(), o.get("hash").asText(), Instant.parse(o.get("sealedAt").asText()),
                    o.path("events").asLong(), o.get("alg").asText(), o.get("sig").asText());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Reads every daily file in {@code dir} (none when it does not exist). A checkpoint's hash covers all that
     * came before it, so the newest one of each day is what is compared (and its signature checked): that
     * keeps the check fast over years of files and still says on which day a rewrite started.
     */
    public static Loaded load(Path dir, PublicKey key) {
        if (dir == null || !Files.isDirectory(dir)) {
            return Loaded.NONE;
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(FILE_PREFIX) && name.endsWith(FILE_SUFFIX);
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the access-log checkpoints in " + dir, e);
        }
        List<Checkpoint> newest = new ArrayList<>();
        Checkpoint bad = null;
        int unreadable = 0;
        for (Path file : files) {
            Checkpoint max = null;
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
            for (String line : lines) {
                if (line.isBlank()) {
                    continue;
                }
                Checkpoint cp = parse(line);
                if (cp == null) {
                    unreadable++; // e.g. a line cut short by a crash; it proves nothing either way
                } else if (max == null || cp.seq() > max.seq()) {
                    max = cp;
                }
            }
            if (max == null) {
                continue;
            }
            if (signatureHolds(key, max)) {
                newest.add(max);
            } else if (bad == null) {
                bad = max;
            }
        }
        return new Loaded(newest, bad, files.size(), unreadable);
    }

    /**
     * The service's signing key as its JWT settings give it: inline ({@code smallrye.jwt.sign.key}, PEM or
     * base64) or a file ({@code smallrye.jwt.sign.key.location}, a path or {@code file:} URI; by default the
     * key pair the service made in its data folder).
     */
    public static PrivateKey privateKey(Optional<String> inline, Optional<String> location) {
        return (PrivateKey) configured(inline, location, true, "smallrye.jwt.sign.key");
    }

    /** The matching public key ({@code mp.jwt.verify.publickey} or {@code mp.jwt.verify.publickey.location}). */
    public static PublicKey publicKey(Optional<String> inline, Optional<String> location) {
        return (PublicKey) configured(inline, location, false, "mp.jwt.verify.publickey");
    }

    /** A PEM public key from a file path or a {@code file:} URI. */
    public static PublicKey publicKey(String location) {
        return (PublicKey) parse(read(location), false);
    }

    private static Key configured(Optional<String> inline, Optional<String> location, boolean isPrivate, String setting) {
        if (inline.isPresent() && !inline.get().isBlank()) {
            return parse(inline.get(), isPrivate);
        }
        if (location.isPresent() && !location.get().isBlank()) {
            return parse(read(location.get()), isPrivate);
        }
        throw new IllegalStateException("No key to sign or check access-log checkpoints: set " + setting + " or " + setting + ".location");
    }

    private static String read(String location) {
        Path path = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
        try {
            return Files.readString(path, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the key " + path, e);
        }
    }

    private static Key parse(String pemOrBase64, boolean isPrivate) {
        byte[] der = Base64.getMimeDecoder().decode(pemOrBase64.replaceAll("-----[A-Z ]+-----", "").trim());
        KeySpec spec = isPrivate ? new PKCS8EncodedKeySpec(der) : new X509EncodedKeySpec(der);
        for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
            try {
                KeyFactory factory = KeyFactory.getInstance(algorithm);
                return isPrivate ? factory.generatePrivate(spec) : factory.generatePublic(spec);
            } catch (GeneralSecurityException e) {
                // try the next kind of key
            }
        }
        throw new IllegalStateException("Not an RSA, EC or Ed25519 key (PKCS#8 or X.509, PEM or base64)");
    }
}
