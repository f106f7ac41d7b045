package dev.weft.test.chinook;

import dev.weft.Column;
import dev.weft.Entity;
import dev.weft.ForeignKey;
import dev.weft.Id;

@Entity(table = "Customer")
public class Customer {
    @Id(column = "CustomerId") public long id;
    @Column(name = "FirstName", nullable = false) public String firstName;
    @Column(name = "LastName", nullable = false) public String lastName;
    @Column(name = "Country") public String country;
    @Column(name = "Email", nullable = false) public String email;
    @ForeignKey(column = "SupportRepId", nullable = true) public Employee supportRep;
}
