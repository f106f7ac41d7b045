/**
 * The collections that hold the objects of a relation. Not API: it may change in any release without notice;
 * declare relation fields as {@code List}, {@code Set}, {@code Collection} or {@link dev.weft.RelationSet}.
 */
package dev.weft.internal.relation;
