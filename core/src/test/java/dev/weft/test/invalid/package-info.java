/**
 * Entities that are mapped wrongly, each in one way, for the MappingException tests. They live apart
 * from {@code dev.weft.test.model} so that no valid entity reaches them through a relation.
 */
package dev.weft.test.invalid;
