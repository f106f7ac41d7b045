package dev.weft.test.model;

import dev.weft.Entity;
import dev.weft.Id;

/** The other half of the cycle; {@code department} is a not-null RESTRICT key. */
@Entity
public class Employee {
    @Id public long id;
    public String name;
    public Department department;

    public Employee() {
    }

    public Employee(String name, Department department) {
        this.name = name;
        this.department = department;
    }
}
