package dev.weft.internal.query;

import dev.weft.internal.types.ColumnType;
import dev.weft.internal.types.ColumnTypes;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** A parameter value and the column type that binds it ({@code null} type: bind as text). */
record Bind(ColumnType type, Object value) {

    static void all(PreparedStatement statement, List<Bind> binds) throws SQLException {
        for (int i = 0; i < binds.size(); i++) {
            Bind bind = binds.get(i);
            if (bind.value == null) {
                ColumnTypes.bindNull(statement, i + 1);
            } else if (bind.type == null) {
                statement.setString(i + 1, (String) bind.value);
            } else {
                bind.type.bind(statement, i + 1, bind.value);
            }
        }
    }
}
