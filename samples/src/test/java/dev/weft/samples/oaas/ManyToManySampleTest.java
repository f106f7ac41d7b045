package dev.weft.samples.oaas;

import dev.weft.samples.SampleDb;
import dev.weft.samples.oaas.ManyToManySample.School;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** OaaS example 4: {@code courses: ManyToMany[Course](backref="students")} and its mirror on Course. */
@ExtendWith(SampleDb.Extension.class)
class ManyToManySampleTest {

    @Test
    void bothSidesShareOneJunctionTable(SampleDb s) {
        School school = ManyToManySample.enrol(s.db());

        assertEquals(Set.of(List.of(school.ada().id, school.math().id), List.of(school.ada().id, school.physics().id),
                        List.of(school.grace().id, school.math().id)),
                Set.copyOf(s.rows("SELECT student_id, course_id FROM \"" + junction(s) + "\"")));
        assertEquals(3, s.count(junction(s)), "enrolling Ada in math twice wrote one row");
    }

    @Test
    void anEnrolmentShowsOnBothSides(SampleDb s) {
        School school = ManyToManySample.enrol(s.db());

        assertEquals(Set.of(school.math(), school.physics()), Set.copyOf(school.ada().courses));
        assertEquals(Set.of(school.math()), Set.copyOf(school.grace().courses));
        assertEquals(Set.of(school.ada(), school.grace()), Set.copyOf(school.math().students));
        assertEquals(Set.of(school.ada()), Set.copyOf(school.physics().students));
        assertEquals(2, school.math().students.size(), "Ada, enrolled twice, is there once");
        assertEquals(2, school.math().students.count());
        assertEquals(2, school.ada().courses.count());
    }

    @Test
    void droppingACourseRemovesTheEnrolmentFromBothSides(SampleDb s) {
        School school = ManyToManySample.enrol(s.db());

        ManyToManySample.drop(school.ada(), school.physics());

        assertEquals(Set.of(List.of(school.ada().id, school.math().id), List.of(school.grace().id, school.math().id)),
                Set.copyOf(s.rows("SELECT student_id, course_id FROM \"" + junction(s) + "\"")));
        assertEquals(List.of(school.math()), List.copyOf(school.ada().courses));
        assertEquals(0, school.physics().students.count());
        assertEquals(List.of(), List.copyOf(school.physics().students));
        assertEquals(2, s.count("student"));
        assertEquals(2, s.count("course"));
    }

    /** The junction table: its name depends on which side Weft picks as the owner, so it is looked up. */
    private static String junction(SampleDb s) {
        List<String> others = s.tables().stream().filter(t -> !t.equals("student") && !t.equals("course")).toList();
        assertEquals(1, others.size(), "one junction table: " + others);
        return others.get(0);
    }
}
