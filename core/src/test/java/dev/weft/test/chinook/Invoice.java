package dev.weft.test.chinook;

import dev.weft.Column;
import dev.weft.Entity;
import dev.weft.ForeignKey;
import dev.weft.Id;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** Dates stored as TEXT ('2021-01-01 00:00:00'), totals as NUMERIC. */
@Entity(table = "Invoice")
public class Invoice {
    @Id(column = "InvoiceId") public long id;
    @ForeignKey(column = "CustomerId") public Customer customer;
    @Column(name = "InvoiceDate", nullable = false) public LocalDateTime invoiceDate;
    @Column(name = "BillingCountry") public String billingCountry;
    @Column(name = "Total", nullable = false) public BigDecimal total;
}
