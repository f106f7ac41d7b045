/**
 * Weft's bytecode enhancement at load time: {@link dev.weft.agent.WeftAgent}, the {@code -javaagent} entry
 * point, and {@link dev.weft.agent.WeftAgent#install()} for tests and IDEs. The enhancer itself lives in
 * {@code dev.weft.agent.internal}.
 *
 * <p>Not API, apart from what the contract names: {@code -javaagent:weft-agent.jar} and
 * {@code WeftAgent.install()}.
 */
package dev.weft.agent;
