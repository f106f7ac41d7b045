package example.invalid;

import dev.weft.Entity;
import dev.weft.Id;

@Entity
public record RecordEntity(@Id long id, String name) {
}
