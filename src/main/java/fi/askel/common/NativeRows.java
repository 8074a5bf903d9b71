package fi.askel.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.TupleElement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rows of a native query as maps from column (camelCase) to value, ready to be written as JSON: times
 * as instants, dates as dates, columns holding JSON text as JSON. Each feature uses it to hand its own
 * tables' rows to the data export (privacy.PersonalDataProvider), with explicit columns so nothing
 * secret (password hashes, token hashes) can slip in.
 */
@ApplicationScoped
public class NativeRows {

    private static final Instant KNOWN = Instant.parse("2000-01-01T00:00:00Z");

    private final EntityManager em;
    private final ObjectMapper json;
    /** Whether untyped native timestamps arrive as UTC wall-clock time; found out on first use. */
    private volatile Boolean wallClock;

    public NativeRows(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** The rows of {@code sql} with {@code ?1} bound to {@code id}; {@code jsonColumns} hold JSON text. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> of(String sql, long id, String... jsonColumns) {
        Set<String> jsonNamed = Set.of(jsonColumns);
        List<Tuple> tuples = em.createNativeQuery(sql, Tuple.class).setParameter(1, id).getResultList();
        return tuples.stream().map(t -> row(t, jsonNamed)).toList();
    }

    private Map<String, Object> row(Tuple tuple, Set<String> jsonColumns) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (TupleElement<?> e : tuple.getElements()) {
            String column = e.getAlias();
            row.put(camel(column), value(tuple.get(column), jsonColumns.contains(column)));
        }
        return row;
    }

    private Object value(Object value, boolean isJson) {
        if (value instanceof String s && isJson) {
            try {
                return json.readTree(s);
            } catch (Exception e) {
                return s;
            }
        }
        if (value instanceof Timestamp || value instanceof LocalDateTime || value instanceof Instant) {
            return instant(value);
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return value;
    }

    /**
     * A TIMESTAMP column of a native query as an Instant. Timestamps are stored as UTC wall-clock time
     * (quarkus.hibernate-orm.jdbc.timezone=UTC); depending on how Hibernate reads an untyped native column, the
     * Java value is either that wall-clock time or the same instant seen from the JVM's time zone. One query on
     * a known value tells which, so times come out right on a server whatever its time zone.
     */
    public Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (wallClock == null) {
            Object known = em.createNativeQuery("SELECT CAST('2000-01-01 00:00:00' AS DATETIME(3))").getSingleResult();
            wallClock = KNOWN.equals(naive(known));
        }
        if (wallClock) {
            return naive(value);
        }
        if (value instanceof LocalDateTime ldt) {
            return ldt.atZone(ZoneId.systemDefault()).toInstant(); // server-zone: the driver read the column in the JVM's zone
        }
        return ((Timestamp) value).toLocalDateTime().toInstant(ZoneOffset.UTC);
    }

    private static Instant naive(Object value) {
        if (value instanceof LocalDateTime ldt) {
            return ldt.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalArgumentException("Not a timestamp: " + value.getClass());
    }

    static String camel(String column) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : column.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
