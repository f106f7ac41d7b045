package dev.weft.usage;

import dev.weft.Database;
import dev.weft.Entity;
import dev.weft.Id;
import dev.weft.MappedSuperclass;
import dev.weft.MappingException;
import dev.weft.WeftException;
import dev.weft.test.WeftDatabaseExtension;
import dev.weft.test.invalid.AmbiguousOwner;
import dev.weft.test.invalid.BackrefAndMappedByDisagree;
import dev.weft.test.invalid.BackrefAndMappedByDisagreeInverse;
import dev.weft.test.invalid.BackrefToMissingField;
import dev.weft.test.invalid.BaseEntity;
import dev.weft.test.invalid.CollectionOfNonEntity;
import dev.weft.test.invalid.DuplicateColumn;
import dev.weft.test.invalid.KeyTypedAsItsColumn;
import dev.weft.test.invalid.EntityExtendingEntity;
import dev.weft.test.invalid.ManyToManyOfNonEntity;
import dev.weft.test.invalid.NoId;
import dev.weft.test.invalid.NotAnEntity;
import dev.weft.test.invalid.SetNullOnRequiredKey;
import dev.weft.test.invalid.TwoIds;
import dev.weft.test.invalid.UnknownMappedBy;
import dev.weft.test.invalid.UnsupportedFieldType;
import dev.weft.test.model.Team;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Each wrongly mapped entity is refused with a {@link MappingException} that names the class, the
 * field and the fix. A fix is recognised by words any reasonable wording of it would use.
 */
@ExtendWith(WeftDatabaseExtension.class)
class MappingErrorsTest {

    /** The class, the words the message must contain (class and field), and words of which one names the fix. */
    static Stream<Arguments> invalidEntities() {
        return Stream.of(
                arguments(SetNullOnRequiredKey.class, List.of("SetNullOnRequiredKey", "team"),
                        List.of("nullable = true", "nullable=true")),
                arguments(BackrefToMissingField.class, List.of("BackrefToMissingField", "team", "mascots"),
                        List.of("Team")),
                arguments(CollectionOfNonEntity.class, List.of("CollectionOfNonEntity", "tags"),
                        List.of("String")),
                arguments(TwoIds.class, List.of("TwoIds", "id", "otherId"), List.of("@Id")),
                arguments(DuplicateColumn.class, List.of("DuplicateColumn.legacyCode", "DuplicateColumn.code", "CODE"),
                        List.of("@Column(name")),
                arguments(KeyTypedAsItsColumn.class, List.of("KeyTypedAsItsColumn", "teamId", "Long"),
                        List.of("entity class")),
                arguments(NoId.class, List.of("NoId"), List.of("@Id")),
                arguments(EntityExtendingEntity.class, List.of("EntityExtendingEntity", "BaseEntity"),
                        List.of("@MappedSuperclass", "MappedSuperclass")),
                arguments(UnknownMappedBy.class, List.of("UnknownMappedBy", "players", "coach"),
                        List.of("Player")),
                arguments(UnsupportedFieldType.class, List.of("UnsupportedFieldType", "draft"),
                        List.of("StringBuilder", "transient")),
                arguments(NotAnEntity.class, List.of("NotAnEntity"), List.of("@Entity", "@dev.weft.Entity")),
                arguments(AmbiguousOwner.class, List.of("AmbiguousOwner", "children"), List.of("mappedBy")),
                arguments(ManyToManyOfNonEntity.class, List.of("ManyToManyOfNonEntity", "numbers"),
                        List.of("Integer")),
                arguments(BackrefAndMappedByDisagree.class, List.of("owners", "wrong"), List.of("mappedBy", "backref")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidEntities")
    void createTablesRefusesTheEntityNamingClassFieldAndFix(Class<?> entity, List<String> names, List<String> fixes,
                                                           Database db) {
        MappingException e = assertThrows(MappingException.class, () -> db.createTables(entity));

        assertNamesAndFix(e, names, fixes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidEntities")
    void registerRefusesTheEntityAsCreateTablesDoes(Class<?> entity, List<String> names, List<String> fixes,
                                                   Database db) {
        MappingException e = assertThrows(MappingException.class, () -> db.register(entity));

        assertNamesAndFix(e, names, fixes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidEntities")
    void aRefusedEntityCannotBeQueried(Class<?> entity, List<String> names, List<String> fixes, Database db) {
        assertThrows(MappingException.class, () -> db.createTables(entity));

        assertThrows(WeftException.class, () -> db.select(entity).count());
    }

    private static void assertNamesAndFix(MappingException e, List<String> names, List<String> fixes) {
        String message = e.getMessage();
        for (String name : names) {
            assertTrue(message.contains(name), "message lacks '" + name + "': " + message);
        }
        String folded = message.toLowerCase(Locale.ROOT);
        assertTrue(fixes.stream().anyMatch(fix -> folded.contains(fix.toLowerCase(Locale.ROOT))),
                "message names none of " + fixes + " as the fix: " + message);
    }

    @Test
    void theInvalidEntityIsReportedEvenAmongValidOnes(Database db) {
        MappingException e = assertThrows(MappingException.class,
                () -> db.createTables(Team.class, SetNullOnRequiredKey.class));

        assertTrue(e.getMessage().contains("SetNullOnRequiredKey"), e.getMessage());
    }

    @Test
    void theDatabaseStaysUsableAfterARefusedCreateTables(Database db) {
        assertThrows(MappingException.class, () -> db.createTables(Team.class, SetNullOnRequiredKey.class));

        db.createTables(Team.class);
        db.save(new Team("Reds"));
        assertEquals(1, db.select(Team.class).count());
    }

    @Test
    void aBaseEntityOnItsOwnIsValid(Database db) {
        db.createTables(BaseEntity.class);

        assertEquals(0, db.select(BaseEntity.class).count());
    }

    @Test
    void theInverseSideOfADisagreementIsNamedToo(Database db) {
        MappingException e = assertThrows(MappingException.class,
                () -> db.createTables(BackrefAndMappedByDisagreeInverse.class));

        assertTrue(e.getMessage().contains("wrong") || e.getMessage().contains("items"), e.getMessage());
    }
}
