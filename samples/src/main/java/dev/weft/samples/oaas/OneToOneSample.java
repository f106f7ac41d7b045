package dev.weft.samples.oaas;

import dev.weft.Database;
import dev.weft.UniqueViolationException;

/**
 * OaaS proposal, example 2, "1:1 Organization ↔ Logo": "{@code org.logo} and {@code logo.org} reflect each
 * other. Only one org can hold a given logo at a time." Giving the logo to a second org is refused with
 * {@link UniqueViolationException}, and nothing changes; once the first org lets go of it, the second may
 * take it.
 *
 * <p>Run: {@code mvn -q -pl samples exec:java -Dexec.mainClass=dev.weft.samples.oaas.OneToOneSample}
 */
public final class OneToOneSample {

    /** An org that holds a logo. */
    public record Holding(Org org, Logo logo) {
    }

    private OneToOneSample() {
    }

    public static void main(String[] args) {
        try (Database db = Database.inMemory()) {
            Holding acme = giveLogo(db);
            System.out.println(acme.org() + ".logo = " + acme.org().logo + ", " + acme.logo() + ".org = " + acme.logo().org);
            Org globex = db.save(new Org("Globex"));
            System.out.println("Giving it to " + globex + " too: " + giveToSecondOrg(db, acme.logo(), globex).getMessage());
            moveLogo(db, acme.org(), globex);
            System.out.println("After the move: " + acme.org() + ".logo = " + acme.org().logo + ", "
                    + globex + ".logo = " + globex.logo + ", " + acme.logo() + ".org = " + acme.logo().org);
        }
    }

    /** Creates the tables, a logo and the org Acme holding it. */
    public static Holding giveLogo(Database db) {
        db.createTables(Org.class, Logo.class);
        Logo logo = db.save(new Logo("https://example.com/acme.svg"));
        Org org = new Org("Acme");
        org.logo = logo;                       // logo.org is now org as well
        db.save(org);
        return new Holding(org, logo);
    }

    /**
     * Gives {@code logo}, which another org holds, to {@code second} and returns the refusal (raised at the
     * assignment or at the save at the latest).
     *
     * @throws IllegalStateException if the logo was given
     */
    public static UniqueViolationException giveToSecondOrg(Database db, Logo logo, Org second) {
        try {
            second.logo = logo;
            db.save(second);
        } catch (UniqueViolationException e) {
            return e;
        }
        throw new IllegalStateException(second + " was given the logo " + logo + " that " + logo.org + " holds");
    }

    /** Moves the logo of {@code from} to {@code to}: one org at a time, in one transaction. */
    public static void moveLogo(Database db, Org from, Org to) {
        Logo logo = from.logo;
        db.transaction(() -> {
            from.logo = null;
            db.save(from);
            to.logo = logo;
            db.save(to);
        });
    }
}
