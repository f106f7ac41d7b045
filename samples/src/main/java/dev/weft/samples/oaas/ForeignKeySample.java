package dev.weft.samples.oaas;

import dev.weft.Database;
import dev.weft.RestrictViolationException;

/**
 * OaaS proposal, example 1, "N:1 (Foreign Key) User → Profile": {@code user.profile} is the linked
 * {@link Profile} (or null), {@code profile.users} the users linked to it. A profile is assigned as an
 * instance ({@link User#linkProfile}) or by identity ({@code db.reference(Profile.class, id)}, the proposal's
 * {@code ObjectMetadata}), and cannot be deleted while users link to it.
 *
 * <p>Run: {@code mvn -q -pl samples exec:java -Dexec.mainClass=dev.weft.samples.oaas.ForeignKeySample}
 */
public final class ForeignKeySample {

    /** Two users linked to one profile, and a user without one. */
    public record Linked(Profile profile, User ada, User grace, User alan) {
    }

    private ForeignKeySample() {
    }

    public static void main(String[] args) {
        try (Database db = Database.inMemory()) {
            Linked linked = link(db);
            System.out.println(linked.ada() + ".profile = " + linked.ada().profile + ", " + linked.grace() + ".profile = "
                    + linked.grace().profile + ", " + linked.alan() + ".profile = " + linked.alan().profile);
            System.out.println(linked.profile() + ".users = " + linked.profile().users);
            System.out.println("Deleting the profile: " + deleteProfile(db, linked.profile()).getMessage());
        }
    }

    /**
     * Creates the tables; links Ada to a profile through {@code link_profile}, Grace to it by its id, and
     * saves Alan without a profile.
     */
    public static Linked link(Database db) {
        db.createTables(User.class, Profile.class);
        Profile profile = db.save(new Profile("team@example.com"));

        User ada = new User("ada");
        ada.linkProfile(profile);                                   // self.profile = p
        db.save(ada);

        User grace = new User("grace");
        grace.profile = db.reference(Profile.class, profile.id);    // assignable by identity
        db.save(grace);

        User alan = db.save(new User("alan"));                      // nullable=True
        return new Linked(profile, ada, grace, alan);
    }

    /**
     * Tries to delete {@code profile} and returns the refusal: users link to it and the key is RESTRICT.
     *
     * @throws IllegalStateException if the profile was deleted
     */
    public static RestrictViolationException deleteProfile(Database db, Profile profile) {
        try {
            db.delete(profile);
        } catch (RestrictViolationException e) {
            return e;
        }
        throw new IllegalStateException("the profile " + profile + " was deleted although users link to it");
    }
}
