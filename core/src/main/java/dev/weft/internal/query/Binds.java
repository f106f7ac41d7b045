package dev.weft.internal.query;

import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of one statement as its clauses are written, and the rule that made each from one value of the
 * query: the values of its conditions in the order {@link ConditionWriter#shape} lists them, then its limit and
 * offset. With the rules, a statement written once binds the values of any other query of the same shape
 * ({@link StatementTemplate}).
 */
final class Binds {

    /** How one value of the query becomes the parameters bound for it: one, two (a range) or many (an IN list). */
    @FunctionalInterface
    interface Rule {
        void bind(Object value, List<Bind> into);
    }

    /** The query's value at {@code valueIndex}, bound by {@code rule}. */
    record Slot(int valueIndex, Rule rule) {
    }

    private final List<Bind> parameters = new ArrayList<>();
    private final List<Slot> slots = new ArrayList<>();
    private int nextValueIndex;

    /**
     * The index of the query value the writer comes to next. A writer takes one for every value it visits, bound
     * or not, so that indices follow the order of the values, not of the parameters.
     */
    int nextValueIndex() {
        return nextValueIndex++;
    }

    /** Binds {@code value}, the query's value at {@code valueIndex}, by {@code rule}. */
    void add(int valueIndex, Object value, Rule rule) {
        slots.add(new Slot(valueIndex, rule));
        rule.bind(value, parameters);
    }

    List<Bind> parameters() {
        return parameters;
    }

    List<Slot> slots() {
        return slots;
    }
}
