package fi.askel.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/** The RSA key pair the service signs its tokens with, made on first start into the data folder. */
public final class SigningKeys {

    public record Files(Path privateKey, Path publicKey) {}

    private SigningKeys() {}

    public static synchronized Files ensure(Path dir) {
        Path priv = dir.resolve("jwt-private.pem");
        Path pub = dir.resolve("jwt-public.pem");
        try {
            if (!java.nio.file.Files.exists(priv) || !java.nio.file.Files.exists(pub)) {
                java.nio.file.Files.createDirectories(dir);
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                java.nio.file.Files.writeString(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                Secrets.restrictToOwner(priv);
                java.nio.file.Files.writeString(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            }
            return new Files(priv.toAbsolutePath(), pub.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create the token signing keys", e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
