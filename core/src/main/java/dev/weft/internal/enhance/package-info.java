/**
 * The contract between enhanced entity classes and the runtime. The enhancer (module weft-agent) makes
 * entity classes implement {@link dev.weft.internal.enhance.Enhanced} and routes every read and write of
 * a persistent field, from any class, through a {@link dev.weft.internal.enhance.FieldInterceptor}.
 * Neither depends on the other: core defines what enhanced code calls, and the enhancer writes it by name. Not API.
 */
package dev.weft.internal.enhance;
