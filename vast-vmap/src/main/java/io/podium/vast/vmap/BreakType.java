package io.podium.vast.vmap;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A kind of ad an ad break takes ({@code breakType}): a hint to the player. */
public enum BreakType {
    LINEAR("linear"),
    NONLINEAR("nonlinear"),
    DISPLAY("display");

    private final String value;

    BreakType(String value) {
        this.value = value;
    }

    /** The name in VMAP. */
    public String value() {
        return value;
    }

    /**
     * The types of a {@code breakType} attribute: names separated by commas, any case, spaces
     * around them tolerated.
     *
     * @throws IllegalArgumentException for an empty list or a name that is not a break type
     */
    public static Set<BreakType> parseList(String attribute) {
        Set<BreakType> types = EnumSet.noneOf(BreakType.class);
        for (String name : attribute.split(",", -1)) {
            types.add(of(name.strip(), attribute));
        }
        return types;
    }

    /** The {@code breakType} attribute of a set of types: comma-separated, no spaces. */
    public static String formatList(Set<BreakType> types) {
        return types.stream().sorted().map(BreakType::value).collect(Collectors.joining(","));
    }

    private static BreakType of(String name, String attribute) {
        for (BreakType t : values()) {
            if (t.value.equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("breakType \"" + attribute
                + "\" is not linear, nonlinear or display (several separated by commas)");
    }
}
