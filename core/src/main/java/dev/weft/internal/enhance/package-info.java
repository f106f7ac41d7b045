/**
 * The contract between enhanced entity classes and the runtime. The enhancer (module weft-agent) makes
 * entity classes implement {@link dev.weft.internal.enhance.Enhanced} and routes every read and write of
 * a persistent field, from any class, through a {@link dev.weft.internal.enhance.FieldInterceptor}.
 * Core never depends on the enhancer: it only defines what enhanced code calls. Not API.
 */
package dev.weft.internal.enhance;
