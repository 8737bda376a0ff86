package dev.trestle.connectors;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A connector configuration for a test that needs a setting or two other than the test profile's:
 * the named settings answer the values given and every other one is the real configuration's.
 * One proxy serves every connector's config interface, so a test does not hand-write a delegate
 * for each setting, and a setting added to an interface needs no change in the tests.
 *
 * <pre>
 * NetSuiteConfig small = ConfigOverride.of(NetSuiteConfig.class, config).with("pageSize", 7).build();
 * </pre>
 *
 * @param <T> the config interface
 */
public final class ConfigOverride<T> {

    private final Class<T> type;
    private final T real;
    private final Map<String, Object> settings;

    private ConfigOverride(Class<T> type, T real, Map<String, Object> settings) {
        this.type = type;
        this.real = real;
        this.settings = settings;
    }

    /** No setting changed yet: {@link #build()} answers as {@code real} does. */
    public static <T> ConfigOverride<T> of(Class<T> type, T real) {
        return new ConfigOverride<>(type, real, Map.of());
    }

    /**
     * This override with one more setting changed; the setting is the accessor's name, checked here
     * against the interface so that a misspelt name or a wrongly typed value fails where it is written.
     */
    public ConfigOverride<T> with(String setting, Object value) {
        Method accessor;
        try {
            accessor = type.getMethod(setting);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type.getSimpleName() + " has no setting " + setting, e);
        }
        if (!boxed(accessor.getReturnType()).isInstance(value)) {
            throw new IllegalArgumentException(type.getSimpleName() + "." + setting + " is a "
                    + accessor.getReturnType().getSimpleName() + ", not " + value);
        }
        Map<String, Object> changed = new LinkedHashMap<>(settings);
        changed.put(setting, value);
        return new ConfigOverride<>(type, real, Map.copyOf(changed));
    }

    /** The configuration itself, to hand to the bean under test. */
    public T build() {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    // Only the names: an overridden value may be a secret, and test output gets shared.
                    case "toString" -> type.getSimpleName() + " overriding " + settings.keySet();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                };
            }
            if (settings.containsKey(method.getName()) && method.getParameterCount() == 0) {
                return settings.get(method.getName());
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return switch (type.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "double" -> Double.class;
            case "boolean" -> Boolean.class;
            default -> throw new IllegalArgumentException("no override for settings of type " + type);
        };
    }
}
