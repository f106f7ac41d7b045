/**
 * The Maven front-end of Weft's enhancer. Not API.
 *
 * <p>The {@code enhance} goal (bound to {@code process-classes} and {@code process-test-classes}) lands
 * with the enhancement issue: it will only choose class directories and class paths, run
 * {@code weft-agent}'s enhancer over them and fail the build on any class it cannot enhance. Until then
 * this plugin has no goals.
 */
package dev.weft.maven;
