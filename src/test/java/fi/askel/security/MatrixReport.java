package fi.askel.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The statuses each caller got, one row per operation, printed as a table. */
final class MatrixReport {

    static final List<String> CALLERS = List.of("anonymous", "owner", "other client", "other specialist", "admin", "author");

    private final Map<String, Map<String, Integer>> rows = new LinkedHashMap<>();

    MatrixReport(List<MatrixOperation> operations) {
        operations.forEach(op -> rows.put(op.key(), new LinkedHashMap<>()));
    }

    void put(MatrixOperation op, String caller, int status) {
        rows.get(op.key()).put(caller, status);
    }

    @Override
    public String toString() {
        int width = rows.keySet().stream().mapToInt(String::length).max().orElse(10);
        StringBuilder out = new StringBuilder(String.format("%-" + width + "s", "operation"));
        CALLERS.forEach(c -> out.append(String.format(" | %-16s", c)));
        out.append('\n');
        rows.forEach((op, statuses) -> {
            out.append(String.format("%-" + width + "s", op));
            CALLERS.forEach(c -> out.append(String.format(" | %-16s", statuses.getOrDefault(c, 0))));
            out.append('\n');
        });
        return out.toString();
    }
}
