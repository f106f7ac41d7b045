package dev.weft.samples.oaas;

import dev.weft.Entity;
import dev.weft.Id;
import dev.weft.ManyToMany;
import dev.weft.RelationSet;

/** The proposal's {@code Student} service: {@code courses: oaas.ManyToMany[Course](backref="students")}. */
@Entity
public class Student {
    @Id public long id;
    public String name;

    /** One side of the many-to-many; {@link Course#students} is the other, and both name each other. */
    @ManyToMany(backref = "students")
    public RelationSet<Course> courses;

    /** For loading rows. */
    public Student() {
    }

    public Student(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return name;
    }
}
