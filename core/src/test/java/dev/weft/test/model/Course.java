package dev.weft.test.model;

import dev.weft.Entity;
import dev.weft.Id;
import dev.weft.ManyToMany;

import java.util.List;

/** The other side of {@link Student#courses}. */
@Entity
public class Course {
    @Id public long id;
    public String title;
    @ManyToMany(backref = "courses") public List<Student> students;

    public Course() {
    }

    public Course(String title) {
        this.title = title;
    }
}
