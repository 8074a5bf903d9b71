package fi.askel.remote.suitability;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The answers the structured questions allow, and the decision. Stored by name: never rename a constant.
 * Labels: {@code suitability.<question>.<NAME>} in the suitability bundle.
 */
public final class Choices {

    private Choices() {}

    /** Devices and connection: were they tried in a test call? */
    public enum TestCall { YES, NO, NOT_YET }

    /** A private space for the calls and exercises, where others do not hear. */
    public enum PrivateSpace { YES, PARTLY, NO }

    public enum DigitalSkills { INDEPENDENT, SOME_HELP, MUCH_HELP }

    /** What the client themself would like. */
    public enum ClientWish { WANTS_REMOTE, NO_PREFERENCE, PREFERS_IN_PERSON }

    public enum Decision {
        SUITABLE, SUITABLE_WITH_SUPPORT, NOT_SUITABLE;

        public boolean allowsRemoteWork() {
            return this != NOT_SUITABLE;
        }
    }

    /** The constant named exactly, or empty (an unknown or missing answer). */
    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String name) {
        return name == null ? Optional.empty()
                : Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(name.strip())).findFirst();
    }

    static <E extends Enum<E>> List<String> names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }
}
