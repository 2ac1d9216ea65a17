package org.apsa.cli;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.shell.command.CommandCatalog;
import org.springframework.shell.command.CommandExceptionResolver;
import org.springframework.shell.command.CommandRegistration;
import org.springframework.stereotype.Component;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Lets {@link Failures} know which command failed. The shell hands an exception resolver the
 * exception alone, and a parse error means little without its command ("Missing mandatory
 * option '--id'" of which?); but it asks a command's own resolvers first. So each command in
 * the catalog is registered again as a view of itself whose first resolver is
 * {@code Failures} for that command; everything else the view answers as the command does.
 */
@Component
class FailuresByCommand implements BeanPostProcessor {

    private final ObjectProvider<Failures> failures;

    FailuresByCommand(ObjectProvider<Failures> failures) {
        this.failures = failures;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof CommandCatalog catalog) {
            // A command with other names (quit, exit) is one registration under each: one view for all.
            Map<CommandRegistration, CommandRegistration> views = new IdentityHashMap<>();
            catalog.getRegistrations().values().forEach(r -> views.computeIfAbsent(r, this::view));
            views.forEach((command, view) -> {
                catalog.unregister(command);
                catalog.register(view);
            });
        }
        return bean;
    }

    private CommandRegistration view(CommandRegistration command) {
        List<CommandExceptionResolver> own = Stream.concat(
                Stream.<CommandExceptionResolver>of(e -> failures.getObject().resolve(e, command)),
                command.getExceptionResolvers().stream()).toList();
        return (CommandRegistration) Proxy.newProxyInstance(CommandRegistration.class.getClassLoader(),
                new Class<?>[]{CommandRegistration.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getExceptionResolvers" -> own;
                    // A view is itself alone, as the registration it shows is.
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> call(command, method, args);
                });
    }

    private static Object call(CommandRegistration command, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(command, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
