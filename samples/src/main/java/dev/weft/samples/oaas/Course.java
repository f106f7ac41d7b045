package dev.weft.samples.oaas;

import dev.weft.Entity;
import dev.weft.Id;
import dev.weft.ManyToMany;
import dev.weft.RelationSet;

/**
 * The proposal's {@code Course} service: {@code students: oaas.ManyToMany[Student](backref="courses")}. Both
 * sides share one junction table, with one row per enrolment.
 */
@Entity
public class Course {
    @Id public long id;
    public String title;

    @ManyToMany(backref = "courses")
    public RelationSet<Student> students;

    /** For loading rows. */
    public Course() {
    }

    public Course(String title) {
        this.title = title;
    }

    @Override
    public String toString() {
        return title;
    }
}
