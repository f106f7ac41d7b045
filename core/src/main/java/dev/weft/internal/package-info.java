/**
 * Weft's implementation. Nothing in {@code dev.weft.internal} or its sub-packages is API: it may change
 * in any release without notice. Use the types in {@code dev.weft}.
 */
package dev.weft.internal;
