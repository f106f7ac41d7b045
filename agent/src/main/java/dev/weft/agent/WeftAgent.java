package dev.weft.agent;

import dev.weft.agent.internal.Contract;
import dev.weft.agent.internal.Scope;
import dev.weft.agent.internal.WeftEnhancer;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.ByteBuddyAgent;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.utility.JavaModule;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Weft's Java agent: enhances entity classes, and rewrites direct access to their fields in other classes, as
 * they are loaded. It applies the same enhancer as the Maven plugin; a class that the plugin already enhanced
 * is left as it is.
 *
 * <ul>
 *   <li>At start-up: {@code java -javaagent:weft-agent.jar[=packages=com.acme,org.foo] ...}
 *       ({@link #premain}).</li>
 *   <li>In tests and IDEs: call {@link #install()} before the first entity class is loaded.</li>
 * </ul>
 * The option {@code packages} (comma-separated) limits enhancement to classes in those packages and their
 * sub-packages; without it every class is looked at except the JDK's, Byte Buddy's and Weft's own. Only
 * classes loaded after the agent starts are enhanced (classes already loaded are not redefined).
 *
 * <p>A class load cannot fail because of the agent (the JVM ignores a transformer's exceptions): when a class
 * cannot be enhanced, the agent prints the reason, naming the class, to {@code System.err}, and the class is
 * loaded unenhanced; registering it with a {@code Database} then fails with the same error.
 */
public final class WeftAgent {

    private static final String PREFIX = "[weft-agent] ";

    /** The installed transformer: the one piece of static state, the agent's hand-off. */
    private static ResettableClassFileTransformer installed;

    private WeftAgent() {
    }

    /** Called by the JVM for {@code -javaagent:weft-agent.jar[=options]}. */
    public static void premain(String options, Instrumentation instrumentation) {
        install(options, instrumentation);
    }

    /** Called by the JVM when the agent is attached to a running JVM. */
    public static void agentmain(String options, Instrumentation instrumentation) {
        install(options, instrumentation);
    }

    /**
     * Attaches the agent to this JVM (self-attach through Byte Buddy's agent installer), enhancing every class
     * loaded from now on. Call it before any entity class is loaded, e.g. in a static initializer of a test base
     * class; calling it again does nothing.
     *
     * <p>On JDK 21 and later the JVM prints a warning when an agent is loaded dynamically (JEP 451). To silence
     * it, start the JVM with {@code -XX:+EnableDynamicAgentLoading}, or use {@code -javaagent:weft-agent.jar}
     * instead. Self-attach also needs a full JDK (the {@code jdk.attach} module); on a JRE without it this
     * method throws {@link IllegalStateException}.
     *
     * @throws IllegalStateException if the JVM does not allow attaching an agent
     */
    public static void install() {
        synchronized (WeftAgent.class) {
            if (installed != null) {
                return;
            }
        }
        install(null, ByteBuddyAgent.install());
    }

    /**
     * Installs the enhancer on {@code instrumentation} with the given options ({@code packages=a,b}); does
     * nothing if the agent is already installed.
     *
     * @throws IllegalArgumentException if the options are malformed or unknown
     */
    static synchronized void install(String options, Instrumentation instrumentation) {
        if (installed != null) {
            return;
        }
        Scope scope = Scope.packages(packages(options));
        checkRuntimeVersion();
        disableNexus();
        WeftEnhancer enhancer = new WeftEnhancer(scope);
        installed = new AgentBuilder.Default()
                .with(AgentBuilder.RedefinitionStrategy.DISABLED)
                .with(AgentBuilder.TypeStrategy.Default.REDEFINE)
                // the enhancement needs no live initializers, so nothing is injected (no Unsafe on JDK 24+)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(new ErrorPrinter())
                .type(enhancer)
                .transform(new AgentBuilder.Transformer.ForBuildPlugin(enhancer))
                .installOn(instrumentation);
    }

    /** Removes the transformer, for tests that install the agent and want to leave the JVM as they found it. */
    static synchronized void uninstall(Instrumentation instrumentation) {
        if (installed != null) {
            installed.reset(instrumentation, AgentBuilder.RedefinitionStrategy.DISABLED);
            installed = null;
        }
    }

    static List<String> packages(String options) {
        List<String> packages = new ArrayList<>();
        if (options == null || options.isBlank()) {
            return packages;
        }
        for (String option : options.split(";")) {
            if (option.isBlank()) {
                continue;
            }
            int equals = option.indexOf('=');
            String key = equals < 0 ? option.trim() : option.substring(0, equals).trim();
            if (!key.equals("packages") || equals < 0) {
                throw new IllegalArgumentException("Unknown Weft agent option '" + option.trim()
                        + "': the agent takes packages=com.acme,org.foo");
            }
            packages.addAll(Arrays.asList(option.substring(equals + 1).split(",")));
        }
        return packages;
    }

    /**
     * The enhancer writes {@link Contract#VERSION}; the weft-core on the application's class path must define the
     * same one. A core that is not there yet (a container that loads it later) is not an error.
     */
    private static void checkRuntimeVersion() {
        try {
            Class<?> contract = Class.forName(Contract.ENHANCED, false, ClassLoader.getSystemClassLoader());
            int runtime = contract.getField("CONTRACT_VERSION").getInt(null);
            if (runtime != Contract.VERSION) {
                System.err.println(PREFIX + "weft-core on the class path uses enhancement contract version " + runtime
                        + ", this agent writes version " + Contract.VERSION
                        + ": use weft-agent and weft-core of the same release.");
            }
        } catch (ClassNotFoundException notOnTheClassPath) {
            // loaded by another class loader, or not at all: registering an entity checks the version again
        } catch (ReflectiveOperationException | LinkageError e) {
            System.err.println(PREFIX + "cannot read the contract version of weft-core (" + e + ").");
        }
    }

    /**
     * Byte Buddy's nexus hands live initializers to injected classes; the enhancement has none (see the
     * {@code NoOp} initialization strategy), and setting the nexus up uses {@code sun.misc.Unsafe}, which JDK 24
     * and later warn about at every start. The property is Byte Buddy's own; its name follows Byte Buddy's
     * package, so in the shaded jar it only concerns the agent's relocated copy.
     */
    private static void disableNexus() {
        String property = ByteBuddy.class.getPackageName() + ".nexus.disabled";
        if (System.getProperty(property) == null) {
            System.setProperty(property, "true");
        }
    }

    /** Prints why a class could not be enhanced; the class then loads unenhanced. */
    private static final class ErrorPrinter extends AgentBuilder.Listener.Adapter {
        @Override
        public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded,
                            Throwable throwable) {
            System.err.println(PREFIX + "could not enhance " + typeName + ": " + throwable);
        }
    }
}
