package dev.weft.agent.internal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScopeTest {

    @Test
    void theJdkByteBuddyAndWeftsRuntimeAreNeverInScope() {
        Scope everything = Scope.everything();
        for (String name : List.of("java.lang.String", "javax.sql.DataSource", "jdk.internal.misc.Unsafe",
                "sun.misc.Unsafe", "com.sun.proxy.Foo", "net.bytebuddy.ByteBuddy", "dev.weft.Database",
                "dev.weft.internal.meta.EntityMeta", "dev.weft.agent.WeftAgent", "dev.weft.maven.EnhanceMojo",
                "example.library.package-info")) {
            assertFalse(everything.includes(name), name);
        }
    }

    @Test
    void userCodeIsInScopeIncludingWeftSamplesAndTests() {
        Scope everything = Scope.everything();
        for (String name : List.of("com.acme.Book", "dev.weft.samples.Author", "dev.weft.test.model.User", "Book")) {
            assertTrue(everything.includes(name), name);
        }
    }

    @Test
    void packagesLimitTheScopeToThemAndTheirSubPackages() {
        Scope scope = Scope.packages(List.of("com.acme", " org.foo ", ""));
        assertTrue(scope.includes("com.acme.Book"));
        assertTrue(scope.includes("com.acme.model.Book"));
        assertTrue(scope.includes("org.foo.Bar"));
        assertFalse(scope.includes("com.acmeish.Book"));
        assertFalse(scope.includes("org.other.Bar"));
        assertFalse(Scope.packages(List.of("dev.weft")).includes("dev.weft.internal.Foo"));
    }
}
