/**
 * Bytecode enhancement of Weft entities. Not API: nothing here is supported for direct use, apart from
 * what the contract names ({@code WeftAgent.install()}).
 *
 * <p>This package is a placeholder for now. The enhancer (a Byte Buddy plugin that makes {@code @Entity}
 * classes track dirty fields and load relations lazily, and rewrites direct field access in other classes),
 * the {@code -javaagent} that applies it at load time and {@code WeftAgent.install()} land with the
 * enhancement issue. Until then this jar carries no agent: it has no {@code Premain-Class} and must not
 * be passed to {@code -javaagent}.
 */
package dev.weft.agent;
