package fi.askel.common.db;

import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * An {@code in} condition over a list of values with one positional parameter per value.
 *
 * <p>Hibernate translates a query whose parameter is bound to a list from HQL to SQL again at every execution: its
 * plan cache leaves out queries with multi-valued bindings. On the specialist's dashboard that translation was a
 * sixth of all CPU time. Here the list is padded to the next power of two by repeating its last value (which
 * changes nothing in an {@code in}), so a few query strings stand for every length, and each is translated once.
 * A list of one is written with two markers too: Hibernate reads {@code x in (?1)} as "?1 may be a list" and then
 * does not cache that query's translation either (only a parenthesised single parameter may be bound to a list).
 * Lists longer than {@value #MAX_EXPANDED} (an admin over every client) keep the single list-valued parameter.
 *
 * <pre>
 * IdList in = IdList.of(ids, 2);
 * Assignment.list("status = ?1 and " + in.in("clientId"), in.after(status));
 * </pre>
 */
public final class IdList {

    /** Above this many values, one list-valued parameter (translated each time) instead of thousands of markers. */
    static final int MAX_EXPANDED = 1024;

    private final List<Object> values;
    private final int first;
    private final boolean expanded;

    private IdList(List<Object> values, int first, boolean expanded) {
        this.values = values;
        this.first = first;
        this.expanded = expanded;
    }

    /** {@code values} (not empty) bound from positional parameter {@code ?first} on. */
    public static IdList of(Collection<?> values, int first) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("an in-list needs at least one value");
        }
        if (values.size() > MAX_EXPANDED) {
            return new IdList(List.of(List.copyOf(values)), first, false);
        }
        List<Object> padded = new ArrayList<>(values);
        Object last = padded.get(padded.size() - 1);
        int size = Integer.highestOneBit(padded.size());
        size = Math.max(2, size == padded.size() ? size : size * 2);
        while (padded.size() < size) {
            padded.add(last);
        }
        return new IdList(List.copyOf(padded), first, true);
    }

    /** {@code path in (?first, ?first+1, …)}. */
    public String in(String path) {
        if (!expanded) {
            return path + " in ?" + first;
        }
        StringBuilder sql = new StringBuilder(path).append(" in (");
        for (int i = 0; i < values.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?").append(first + i);
        }
        return sql.append(')').toString();
    }

    /** The parameters of a query: {@code before} (bound to ?1 … ?first-1), then these values. */
    public Object[] after(Object... before) {
        if (before.length != first - 1) {
            throw new IllegalArgumentException("the in-list starts at ?" + first + " but " + before.length + " parameters come before it");
        }
        Object[] all = new Object[before.length + values.size()];
        System.arraycopy(before, 0, all, 0, before.length);
        for (int i = 0; i < values.size(); i++) {
            all[before.length + i] = values.get(i);
        }
        return all;
    }

    /** Binds these values to {@code query} (the other parameters are bound by the caller). */
    public <Q extends Query> Q bind(Q query) {
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(first + i, values.get(i));
        }
        return query;
    }

    /** The position after the last parameter of this list, for a parameter that follows it. */
    public int next() {
        return first + values.size();
    }
}
