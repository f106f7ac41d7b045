/**
 * Relations at run time: live collections ({@code author.books}), the lazy loading of relations in batches, and
 * keeping both sides of a relation consistent in memory. Internal: not part of Weft's API, and may change in any
 * release.
 */
package dev.weft.internal.relation;
