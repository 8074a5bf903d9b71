package fi.askel.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The service runs on servers whose zone is UTC, where the date changes at 2.00 or 3.00 Finnish time. Between
 * those hours a "today" from the server's zone is yesterday in Finland: an exercise logged at half past midnight
 * was filed on the previous day and proposed as a remote-rehabilitation day nobody could confirm (CI, 5.12.2026
 * 22.28 UTC). Every date and day boundary therefore comes from {@link Dates#today()} and {@link Dates#ZONE}.
 */
class FinnishTodayTest {

    private static final Pattern SERVER_ZONE = Pattern.compile(
            "LocalDate(Time)?\\.now\\(\\)|ZoneId\\.systemDefault\\(\\)|OffsetDateTime\\.now\\(\\)|ZonedDateTime\\.now\\(\\)");

    @Test
    void no_code_takes_the_date_from_the_servers_zone() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .flatMap(FinnishTodayTest::offendingLines)
                    .toList();
        }
        assertEquals(List.of(), offenders);
    }

    @Test
    void today_is_the_date_in_helsinki() {
        assertEquals(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Helsinki")), Dates.today());
    }

    private static Stream<String> offendingLines(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return java.util.stream.IntStream.range(0, lines.size())
                    .filter(i -> SERVER_ZONE.matcher(lines.get(i)).find())
                    .filter(i -> !lines.get(i).contains("server-zone: "))
                    .mapToObj(i -> file + ":" + (i + 1) + ": " + lines.get(i).trim());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
