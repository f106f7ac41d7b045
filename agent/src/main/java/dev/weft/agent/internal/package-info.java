/**
 * The Weft enhancer: one Byte Buddy {@link net.bytebuddy.build.Plugin}, {@link dev.weft.agent.internal.WeftEnhancer},
 * applied at build time (the Maven plugin, through {@link dev.weft.agent.internal.ClassFolderEnhancer}) and at
 * load time (the {@code -javaagent}). It writes what weft-core's {@code dev.weft.internal.enhance.Enhanced} describes.
 *
 * <p>Internal: nothing in this package is API; it may change in any release without notice.
 */
package dev.weft.agent.internal;
