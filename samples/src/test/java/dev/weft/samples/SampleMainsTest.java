package dev.weft.samples;

import dev.weft.samples.oaas.ForeignKeySample;
import dev.weft.samples.oaas.ManyToManySample;
import dev.weft.samples.oaas.OneToManySample;
import dev.weft.samples.oaas.OneToOneSample;
import dev.weft.samples.sqliter.AdvancedUsage;
import dev.weft.samples.sqliter.BasicModelSetup;
import dev.weft.samples.sqliter.CreatingRelatedRecords;
import dev.weft.samples.sqliter.DeletingRelatedRecords;
import dev.weft.samples.sqliter.NestedCreation;
import dev.weft.samples.sqliter.QueryingRelatedRecords;
import dev.weft.samples.sqliter.RelationshipAccess;
import dev.weft.samples.sqliter.RelationshipLoading;
import dev.weft.samples.sqliter.RelationshipManagement;
import dev.weft.samples.sqliter.UpdatingRelatedRecords;
import dev.weft.samples.sqliter.definitions.ModelDefinitions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every sample's {@code main}, as {@code mvn -pl samples exec:java -Dexec.mainClass=...} runs it, goes to the end
 * on its in-memory database and prints something. What the samples do is checked by their own tests.
 */
class SampleMainsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(classes = {
            BasicModelSetup.class, ModelDefinitions.class, CreatingRelatedRecords.class, NestedCreation.class,
            RelationshipManagement.class, RelationshipAccess.class, RelationshipLoading.class,
            QueryingRelatedRecords.class, UpdatingRelatedRecords.class, DeletingRelatedRecords.class, AdvancedUsage.class,
            ForeignKeySample.class, OneToOneSample.class, OneToManySample.class, ManyToManySample.class})
    void mainRunsToTheEnd(Class<?> sample) throws Throwable {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream original = System.out;
        try {
            System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
            sample.getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            System.setOut(original);
        }
        assertFalse(buffer.toString(StandardCharsets.UTF_8).isBlank(), sample + " printed nothing");
    }
}
