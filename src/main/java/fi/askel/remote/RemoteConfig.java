package fi.askel.remote;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Video calls: when a call can be joined, and the STUN/TURN servers browsers use to reach each other. */
@ConfigMapping(prefix = "askel.calls")
public interface RemoteConfig {

    /** How many minutes before the start the participants may join (and test their devices together). */
    @WithDefault("15")
    int joinBeforeMinutes();

    /** How many minutes after the planned end a call may still be joined or go on. */
    @WithDefault("15")
    int graceMinutes();

    /** STUN server URLs given to browsers, e.g. {@code stun:turn.example.fi:3478}. */
    Optional<List<String>> stunUrls();

    /** TURN server URLs, e.g. {@code turn:turn.example.fi:3478?transport=udp,turns:turn.example.fi:5349}. */
    Optional<List<String>> turnUrls();

    /** coturn's {@code static-auth-secret}: TURN credentials are made from it per call and expire. */
    Optional<String> turnSecret();

    /**
     * Most clients in a group session. Every browser sends its video to every other (a mesh): past about
     * six, home connections run out of upload; a bigger group needs an SFU (README.md, "Video calls").
     */
    @WithDefault("6")
    int groupMaxClients();

    /** How often the reminder job looks for calls to remind about ({@code off} stops it). */
    @WithDefault("60s")
    String remindersEvery();
}
