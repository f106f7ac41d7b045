package dev.weft.samples.oaas;

import dev.weft.Database;

import java.util.List;

/**
 * OaaS proposal, example 4, "N:M Student ↔ Course": both sides declare the relation and name each other by
 * backref; they share one junction table, and a change on either side shows on both.
 *
 * <p>Run: {@code mvn -q -pl samples exec:java -Dexec.mainClass=dev.weft.samples.oaas.ManyToManySample}
 */
public final class ManyToManySample {

    /** Two students and two courses. */
    public record School(Student ada, Student grace, Course math, Course physics) {
    }

    private ManyToManySample() {
    }

    public static void main(String[] args) {
        try (Database db = Database.inMemory()) {
            School s = enrol(db);
            System.out.println(s.ada() + ".courses = " + names(s.ada().courses.fetchAll())
                    + ", " + s.math() + ".students = " + names(s.math().students.fetchAll()));
            drop(s.ada(), s.physics());
            System.out.println("after " + s.ada() + " dropped " + s.physics() + ": " + s.ada() + ".courses = "
                    + names(s.ada().courses.fetchAll()) + ", " + s.physics() + ".students = "
                    + names(s.physics().students.fetchAll()));
        }
    }

    /**
     * Creates the tables and enrols Ada in math and physics from the student's side, and Grace in math from
     * the course's side; then enrols Ada in math again from the course's side, which changes nothing.
     */
    public static School enrol(Database db) {
        db.createTables(Student.class, Course.class);
        Student ada = db.save(new Student("Ada"));
        Student grace = db.save(new Student("Grace"));
        Course math = db.save(new Course("Mathematics"));
        Course physics = db.save(new Course("Physics"));
        ada.courses.add(math, physics);
        math.students.add(grace);
        math.students.add(ada);               // the link exists already: a no-op
        return new School(ada, grace, math, physics);
    }

    /** {@code student.courses.remove(course)}: the enrolment goes, both stay. */
    public static void drop(Student student, Course course) {
        student.courses.remove(course);
    }

    private static List<String> names(List<?> objects) {
        return objects.stream().map(Object::toString).sorted().toList();
    }
}
