/**
 * The models of the SQLiter PRD's requirement 2, "Model Definition Examples", as written there: there the
 * one-to-one {@link dev.weft.samples.sqliter.definitions.Profile} belongs to an {@code Author} (not to a
 * {@code User}, as in the PRD's usage examples, package {@code dev.weft.samples.sqliter}), and a
 * {@link dev.weft.samples.sqliter.definitions.Tag} is linked to books through the default junction table.
 */
package dev.weft.samples.sqliter.definitions;
