package dev.weft.samples.oaas;

import dev.weft.UniqueViolationException;
import dev.weft.samples.SampleDb;
import dev.weft.samples.oaas.OneToOneSample.Holding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** OaaS example 2: {@code logo: OneToOne[Logo](nullable=True, backref="org")}. */
@ExtendWith(SampleDb.Extension.class)
class OneToOneSampleTest {

    @Test
    void theOrgHoldsTheLogo(SampleDb s) {
        Holding acme = OneToOneSample.giveLogo(s.db());

        assertSame(acme.logo(), acme.org().logo);
        assertEquals(List.of(List.of("Acme", acme.logo().id)), s.rows("SELECT name, logo_id FROM org"));
    }

    @Test
    void logoOrgReflectsOrgLogo(SampleDb s) {
        Holding acme = OneToOneSample.giveLogo(s.db());

        assertSame(acme.org(), acme.logo().org, "in memory, at once");
        s.db().clearCache();
        assertEquals("Acme", s.db().get(Logo.class, acme.logo().id).org.name, "and when loaded again");
    }

    @Test
    void aSecondOrgCannotHoldTheSameLogo(SampleDb s) {
        Holding acme = OneToOneSample.giveLogo(s.db());
        Org globex = s.db().save(new Org("Globex"));

        UniqueViolationException refusal = OneToOneSample.giveToSecondOrg(s.db(), acme.logo(), globex);

        assertNotNull(refusal.getMessage());
        assertEquals(Arrays.asList(Arrays.asList("Acme", acme.logo().id), Arrays.asList("Globex", null)),
                s.rows("SELECT name, logo_id FROM org ORDER BY id"), "the database is unchanged");
        assertSame(acme.logo(), acme.org().logo, "the first owner is unchanged");
    }

    @Test
    void aRefusedSecondOwnerLeavesTheLogoWithTheFirst(SampleDb s) {
        Holding acme = OneToOneSample.giveLogo(s.db());
        Org globex = s.db().save(new Org("Globex"));

        OneToOneSample.giveToSecondOrg(s.db(), acme.logo(), globex);

        assertSame(acme.org(), acme.logo().org);
    }

    @Test
    void theLogoMovesToAnotherOrgOnceTheFirstLetsGo(SampleDb s) {
        Holding acme = OneToOneSample.giveLogo(s.db());
        Org globex = s.db().save(new Org("Globex"));

        OneToOneSample.moveLogo(s.db(), acme.org(), globex);

        assertEquals(Arrays.asList(Arrays.asList("Acme", null), Arrays.asList("Globex", acme.logo().id)),
                s.rows("SELECT name, logo_id FROM org ORDER BY id"));
        assertNull(acme.org().logo);
        assertSame(acme.logo(), globex.logo);
        assertSame(globex, acme.logo().org);
    }
}
