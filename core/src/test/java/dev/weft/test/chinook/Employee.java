package dev.weft.test.chinook;

import dev.weft.Column;
import dev.weft.Entity;
import dev.weft.ForeignKey;
import dev.weft.Id;

import java.time.LocalDateTime;

/** A self-reference: ReportsTo. */
@Entity(table = "Employee")
public class Employee {
    @Id(column = "EmployeeId") public long id;
    @Column(name = "LastName", nullable = false) public String lastName;
    @Column(name = "FirstName", nullable = false) public String firstName;
    @Column(name = "Title") public String title;
    @ForeignKey(column = "ReportsTo", nullable = true) public Employee reportsTo;
    @Column(name = "BirthDate") public LocalDateTime birthDate;
    @Column(name = "HireDate") public LocalDateTime hireDate;
    @Column(name = "Email") public String email;
}
