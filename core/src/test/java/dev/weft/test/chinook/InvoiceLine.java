package dev.weft.test.chinook;

import dev.weft.Column;
import dev.weft.Entity;
import dev.weft.ForeignKey;
import dev.weft.Id;

import java.math.BigDecimal;

/** A junction with data of its own: Invoice to Track. */
@Entity(table = "InvoiceLine")
public class InvoiceLine {
    @Id(column = "InvoiceLineId") public long id;
    @ForeignKey(column = "InvoiceId") public Invoice invoice;
    @ForeignKey(column = "TrackId") public Track track;
    @Column(name = "UnitPrice", nullable = false) public BigDecimal unitPrice;
    @Column(name = "Quantity") public int quantity;
}
