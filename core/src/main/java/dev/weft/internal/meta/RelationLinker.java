package dev.weft.internal.meta;

import dev.weft.MappingException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Connects the relations of newly read entities with their targets, and checks the rules that involve
 * both sides: backrefs and mappedBy name compatible fields, a collection without annotation has exactly
 * one foreign key to be the inverse of, junction columns do not clash.
 */
final class RelationLinker {

    private final Map<Class<?>, EntityMeta> all;

    RelationLinker(Map<Class<?>, EntityMeta> all) {
        this.all = all;
    }

    void link(List<EntityMeta> added) {
        for (EntityMeta meta : added) {
            for (ForeignKeyProperty fk : meta.foreignKeys()) {
                linkForeignKey(fk);
            }
        }
        for (EntityMeta meta : added) {
            for (InverseProperty inverse : meta.inverses()) {
                linkInverse(inverse);
            }
        }
        List<ManyToManyProperty> inverseSides = new ArrayList<>();
        for (EntityMeta meta : added) {
            for (ManyToManyProperty m2m : meta.manyToMany()) {
                m2m.target(target(m2m, m2m.targetType()));
                if (isOwning(m2m)) {
                    linkOwningManyToMany(m2m);
                } else {
                    inverseSides.add(m2m);
                }
            }
        }
        for (ManyToManyProperty m2m : inverseSides) {
            linkInverseManyToMany(m2m);
        }
        // Only now that every check passed may targets registered earlier learn of their new referrers.
        for (EntityMeta meta : added) {
            for (ForeignKeyProperty fk : meta.foreignKeys()) {
                fk.target().addReferencedBy(fk);
            }
        }
    }

    private void linkForeignKey(ForeignKeyProperty fk) {
        EntityMeta target = target(fk, fk.targetType());
        fk.target(target);
        if (fk.backref().isEmpty()) {
            return;
        }
        Property inverse = target.property(fk.backref());
        boolean compatible = inverse instanceof InverseProperty p && p.targetType().isAssignableFrom(fk.owner().type())
                && p.isCollection() != fk.oneToOne();
        if (!compatible) {
            String expected = fk.oneToOne() ? "a field of type " + fk.owner().name()
                    : "a collection field such as List<" + fk.owner().name() + ">";
            throw error(fk, "names backref \"" + fk.backref() + "\", but " + target.name()
                    + (inverse == null ? " has no such field" : "." + fk.backref() + " is not " + expected),
                    "declare " + expected + " named " + fk.backref() + " in " + target.name() + ", or remove backref");
        }
    }

    private void linkInverse(InverseProperty inverse) {
        EntityMeta target = target(inverse, inverse.targetType());
        ForeignKeyProperty fk = inverse.mappedByName().isEmpty()
                ? soleForeignKeyBack(inverse, target)
                : namedForeignKey(inverse, target, inverse.mappedByName());
        if (!fk.backref().isEmpty() && !fk.backref().equals(inverse.name())) {
            throw error(inverse, "says mappedBy = \"" + fk.name() + "\", but " + fk.qualifiedName()
                    + " names backref \"" + fk.backref() + "\"", "make them agree, or drop one of them");
        }
        if (inverse.isCollection() && fk.oneToOne()) {
            throw error(inverse, "is a collection, but " + fk.qualifiedName() + " is one-to-one",
                    "declare it as a single " + target.name() + " field");
        }
        if (!inverse.isCollection() && !fk.oneToOne()) {
            throw error(inverse, "is a single object, but " + fk.qualifiedName() + " is many-to-one",
                    "declare it as List<" + target.name() + ">, or make the key one-to-one with @OneToOne");
        }
        inverse.mappedBy(fk);
        fk.inverse(inverse);
    }

    private ForeignKeyProperty namedForeignKey(InverseProperty inverse, EntityMeta target, String name) {
        Property property = target.property(name);
        if (property instanceof ForeignKeyProperty fk && fk.targetType().isAssignableFrom(inverse.owner().type())) {
            return fk;
        }
        throw error(inverse, "says mappedBy = \"" + name + "\", but " + target.name()
                + (property == null ? " has no such field" : "." + name + " is not a foreign key to " + inverse.owner().name()),
                "name the field of " + target.name() + " that references " + inverse.owner().name());
    }

    private ForeignKeyProperty soleForeignKeyBack(InverseProperty inverse, EntityMeta target) {
        List<ForeignKeyProperty> candidates = new ArrayList<>();
        for (ForeignKeyProperty fk : target.foreignKeys()) {
            if (fk.targetType().isAssignableFrom(inverse.owner().type())
                    && (fk.backref().isEmpty() || fk.backref().equals(inverse.name()))) {
                if (fk.backref().equals(inverse.name())) {
                    return fk;
                }
                candidates.add(fk);
            }
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (candidates.isEmpty()) {
            throw error(inverse, "is a collection of " + target.name() + ", but no foreign key of " + target.name()
                    + " points to " + inverse.owner().name(), "add a field of type " + inverse.owner().name() + " to "
                    + target.name() + ", or make this a @ManyToMany");
        }
        throw error(inverse, "could be the inverse of " + names(candidates), "say which with @OneToMany(mappedBy = \"...\")");
    }

    /**
     * The side that declares the junction: the one without mappedBy; where both sides name each other by
     * backref, the one that names junction details, else the first by class and field name.
     */
    private boolean isOwning(ManyToManyProperty m2m) {
        if (!m2m.mappedByName().isEmpty()) {
            return false;
        }
        Property other = m2m.backref().isEmpty() ? null : m2m.target().property(m2m.backref());
        if (!(other instanceof ManyToManyProperty peer) || !peer.mappedByName().isEmpty()) {
            return true;
        }
        boolean mineDetailed = hasJunctionDetails(m2m);
        boolean peerDetailed = hasJunctionDetails(peer);
        if (mineDetailed != peerDetailed) {
            return mineDetailed;
        }
        if (mineDetailed) {
            throw error(m2m, "and " + peer.qualifiedName() + " both describe the junction table",
                    "describe it on one side and use mappedBy on the other");
        }
        String mine = m2m.owner().type().getName() + "." + m2m.name();
        String theirs = peer.owner().type().getName() + "." + peer.name();
        return mine.compareTo(theirs) <= 0;
    }

    private static boolean hasJunctionDetails(ManyToManyProperty m2m) {
        return !m2m.through().isEmpty() || !m2m.joinColumn().isEmpty() || !m2m.inverseJoinColumn().isEmpty();
    }

    private void linkOwningManyToMany(ManyToManyProperty m2m) {
        EntityMeta owner = m2m.owner();
        EntityMeta target = m2m.target();
        String table = m2m.through().isEmpty()
                ? Naming.snakeCase(owner.type().getSimpleName()) + "_" + Naming.snakeCase(m2m.name()) : m2m.through();
        String ownerColumn = m2m.joinColumn().isEmpty()
                ? Naming.snakeCase(owner.type().getSimpleName()) + "_id" : m2m.joinColumn();
        String targetColumn = m2m.inverseJoinColumn().isEmpty()
                ? Naming.snakeCase(target.type().getSimpleName()) + "_id" : m2m.inverseJoinColumn();
        if (ownerColumn.equalsIgnoreCase(targetColumn)) {
            throw error(m2m, "needs two junction columns but both would be named " + ownerColumn,
                    "name them with @ManyToMany(joinColumn = \"...\", inverseJoinColumn = \"...\")");
        }
        m2m.owning(true);
        m2m.junction(new JunctionTable(table, ownerColumn, targetColumn, owner, target));
        if (!m2m.backref().isEmpty()) {
            Property other = target.property(m2m.backref());
            if (!(other instanceof ManyToManyProperty peer) || !peer.targetType().isAssignableFrom(owner.type())) {
                throw error(m2m, "names backref \"" + m2m.backref() + "\", but " + target.name()
                        + (other == null ? " has no such field" : "." + m2m.backref() + " is not a collection of " + owner.name()),
                        "declare List<" + owner.name() + "> " + m2m.backref() + " in " + target.name() + ", or remove backref");
            }
            m2m.counterpart(peer);
            peer.counterpart(m2m);
        }
    }

    private void linkInverseManyToMany(ManyToManyProperty m2m) {
        String ownerName = m2m.mappedByName().isEmpty() ? m2m.backref() : m2m.mappedByName();
        Property owner = m2m.target().property(ownerName);
        if (!(owner instanceof ManyToManyProperty peer) || !peer.targetType().isAssignableFrom(m2m.owner().type())) {
            throw error(m2m, "says mappedBy = \"" + ownerName + "\", but " + m2m.target().name()
                    + (owner == null ? " has no such field" : "." + ownerName + " is not a @ManyToMany of " + m2m.owner().name()),
                    "name the @ManyToMany field of " + m2m.target().name() + " that this is the inverse of");
        }
        if (!m2m.backref().isEmpty() && !m2m.mappedByName().isEmpty() && !m2m.backref().equals(m2m.mappedByName())) {
            throw error(m2m, "names backref \"" + m2m.backref() + "\" and mappedBy \"" + m2m.mappedByName() + "\"",
                    "make them agree, or drop one of them");
        }
        if (!peer.backref().isEmpty() && !peer.backref().equals(m2m.name())) {
            throw error(m2m, "says mappedBy = \"" + ownerName + "\", but " + peer.qualifiedName()
                    + " names backref \"" + peer.backref() + "\"", "make them agree, or drop one of them");
        }
        if (peer.junction() == null) {
            linkOwningManyToMany(peer);
        }
        m2m.owning(false);
        m2m.junction(peer.junction());
        m2m.counterpart(peer);
        peer.counterpart(m2m);
    }

    private EntityMeta target(Property property, Class<?> targetType) {
        EntityMeta target = all.get(targetType);
        if (target == null) {
            throw error(property, "refers to " + targetType.getName() + ", which is not a registered entity",
                    "annotate it with @Entity");
        }
        return target;
    }

    private static String names(List<ForeignKeyProperty> fks) {
        List<String> names = new ArrayList<>();
        for (ForeignKeyProperty fk : fks) {
            names.add(fk.qualifiedName());
        }
        return String.join(" and ", names);
    }

    private static MappingException error(Property property, String problem, String fix) {
        return new MappingException(property.qualifiedName() + " " + problem + ": " + fix + ".");
    }
}
