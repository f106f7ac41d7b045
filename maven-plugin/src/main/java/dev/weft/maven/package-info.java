/**
 * The Weft Maven plugin: goals {@code enhance} and {@code enhance-tests}, thin front-ends over weft-agent's
 * enhancer. Not API: configure the plugin in a POM, do not call these classes.
 */
package dev.weft.maven;
