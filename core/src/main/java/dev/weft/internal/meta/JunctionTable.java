package dev.weft.internal.meta;

/**
 * The table of a many-to-many relation: one row per link, the owning entity's id in {@code ownerColumn},
 * the target's in {@code targetColumn}, both together the primary key.
 */
public record JunctionTable(String table, String ownerColumn, String targetColumn, EntityMeta owner, EntityMeta target) {
}
