package fi.askel.common.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.identity.User;
import fi.askel.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.hibernate.query.QueryParameter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdListTest {

    @Test
    void lists_are_padded_to_a_power_of_two_with_their_last_value() {
        IdList three = IdList.of(List.of(7L, 8L, 9L), 2);
        assertEquals("u.id in (?2, ?3, ?4, ?5)", three.in("u.id"));
        assertArrayEquals(new Object[] {"x", 7L, 8L, 9L, 9L}, three.after("x"));
        assertEquals(6, three.next());
        assertEquals("id in (?1, ?2)", IdList.of(List.of(1L), 1).in("id"));
        assertArrayEquals(new Object[] {1L, 1L}, IdList.of(List.of(1L), 1).after());
        assertEquals("id in (?1, ?2, ?3, ?4)", IdList.of(List.of(1L, 2L, 3L, 4L), 1).in("id"));
        assertThrows(IllegalArgumentException.class, () -> IdList.of(List.of(), 1));
        assertThrows(IllegalArgumentException.class, () -> three.after());
    }

    /**
     * Hibernate keeps a query's translation only when none of its parameters may be bound to a list
     * ({@code SqmInterpretationsKey}); {@code x in (?1)} is such a parameter, {@code x in (?1, ?2)} is not.
     */
    @Test
    @Transactional
    void no_parameter_of_a_padded_query_may_be_a_list_so_hibernate_caches_its_translation() {
        for (int size : new int[] {1, 2, 3, 5, 1024}) {
            IdList in = IdList.of(LongStream.rangeClosed(1, size).boxed().toList(), 2);
            String hql = "from User where active = ?1 and " + in.in("id");
            assertFalse(User.getEntityManager().unwrap(Session.class).createSelectionQuery(hql, User.class)
                    .getParameterMetadata().getRegistrations().stream().anyMatch(QueryParameter::allowsMultiValuedBinding), size + " ids: " + hql);
        }
        assertTrue(User.getEntityManager().unwrap(Session.class).createSelectionQuery("from User where id in (?1)", User.class)
                .getParameterMetadata().getRegistrations().stream().anyMatch(QueryParameter::allowsMultiValuedBinding), "the check can fail");
    }

    @Test
    void very_long_lists_keep_one_list_valued_parameter() {
        List<Long> many = LongStream.rangeClosed(1, IdList.MAX_EXPANDED + 1).boxed().toList();
        IdList in = IdList.of(many, 1);
        assertEquals("id in ?1", in.in("id"));
        assertEquals(many, in.after()[0]);
        assertEquals(2, in.next());
    }

    @Test
    @Transactional
    void the_padded_query_finds_each_row_once() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(Api.create("CLIENT").id());
        }
        IdList in = IdList.of(ids, 1);
        assertEquals(ids, User.<User>list(in.in("id") + " order by id", in.after()).stream().map(u -> u.id).toList());
        List<Long> many = new ArrayList<>(ids);
        LongStream.rangeClosed(1, IdList.MAX_EXPANDED).forEach(i -> many.add(-i));
        IdList all = IdList.of(many, 1);
        assertEquals(ids, User.<User>list(all.in("id") + " order by id", all.after()).stream().map(u -> u.id).toList());
    }
}
