package dev.weft.internal.query;

import java.util.ArrayList;
import java.util.List;

/**
 * A statement written for one shape of query, kept to serve every query of that shape: the SQL, and the rules
 * that turn a query's values into its parameters. Writing the SQL again for each query, and hashing the new text
 * to find its prepared statement, cost more than running a query that finds one row.
 */
record StatementTemplate(String sql, List<Binds.Slot> slots) {

    StatementTemplate {
        slots = List.copyOf(slots);
    }

    /** The parameters for a query of this shape with these values. */
    List<Bind> bind(List<Object> values) {
        List<Bind> parameters = new ArrayList<>(slots.size());
        for (int i = 0; i < slots.size(); i++) {
            Binds.Slot slot = slots.get(i);
            slot.rule().bind(values.get(slot.valueIndex()), parameters);
        }
        return parameters;
    }
}
