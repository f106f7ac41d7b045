package dev.weft.test.model;

import dev.weft.Entity;
import dev.weft.Id;
import dev.weft.ManyToMany;
import dev.weft.RelationSet;

/** Many-to-many with {@link Course}, both sides naming each other by backref (the OaaS example). */
@Entity
public class Student {
    @Id public long id;
    public String name;
    @ManyToMany(backref = "students") public RelationSet<Course> courses;

    public Student() {
    }

    public Student(String name) {
        this.name = name;
    }
}
