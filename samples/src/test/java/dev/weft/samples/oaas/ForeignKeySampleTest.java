package dev.weft.samples.oaas;

import dev.weft.RestrictViolationException;
import dev.weft.samples.SampleDb;
import dev.weft.samples.oaas.ForeignKeySample.Linked;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OaaS example 1: {@code profile: ForeignKey[Profile](nullable=True, backref="users")}. */
@ExtendWith(SampleDb.Extension.class)
class ForeignKeySampleTest {

    @Test
    void usersLinkToTheProfileByInstanceOrByIdentity(SampleDb s) {
        Linked linked = ForeignKeySample.link(s.db());

        assertSame(linked.profile(), linked.ada().profile);
        assertSame(linked.profile(), linked.grace().profile, "the reference by id is the loaded instance");
        assertNull(linked.alan().profile);
        assertEquals(Arrays.asList(Arrays.asList("ada", linked.profile().id), Arrays.asList("grace", linked.profile().id),
                        Arrays.asList("alan", null)),
                s.rows("SELECT name, profile_id FROM user ORDER BY id"));
    }

    @Test
    void profileUsersIsTheBackrefOfUserProfile(SampleDb s) {
        Linked linked = ForeignKeySample.link(s.db());

        List<User> users = linked.profile().users;

        assertInstanceOf(List.class, users);
        assertEquals(Set.of(linked.ada(), linked.grace()), Set.copyOf(users));
        assertEquals(2, users.size());
    }

    @Test
    void aReloadedProfileFindsItsUsers(SampleDb s) {
        long profileId = ForeignKeySample.link(s.db()).profile().id;
        s.db().clearCache();

        Profile profile = s.db().get(Profile.class, profileId);

        assertEquals(Set.of("ada", "grace"), Set.copyOf(profile.users.stream().map(user -> user.name).toList()));
    }

    @Test
    void aProfileThatUsersLinkToCannotBeDeleted(SampleDb s) {
        Linked linked = ForeignKeySample.link(s.db());

        RestrictViolationException refusal = ForeignKeySample.deleteProfile(s.db(), linked.profile());

        assertTrue(refusal.getMessage().contains("Profile"), refusal.getMessage());
        assertEquals(1, s.count("profile"));
        assertEquals(2L, s.value("SELECT count(*) FROM user WHERE profile_id = ?", linked.profile().id));
        assertSame(linked.profile(), linked.ada().profile);
    }
}
