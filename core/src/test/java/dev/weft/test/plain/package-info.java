/** Entities the build leaves unenhanced, to show what Weft says about them. */
package dev.weft.test.plain;
